using Azure.Data.Tables;

namespace Foremast.Local.Tests.Support;

/// <summary>
/// Reads which engine owns which control-queue partition, from the storage provider's lease table
/// (<c>{hub}Partitions</c>). Orchestrations run only on the owner of their partition, so this shows who does that work.
/// </summary>
public static class PartitionOwners
{
    public static async Task<IReadOnlyDictionary<string, string?>> ReadAsync(string hub)
    {
        var table = new TableClient(LocalEngineOptions.DevelopmentStorage, $"{hub}Partitions");
        var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var lease in table.QueryAsync<TableEntity>())
        {
            owners[lease.RowKey] = lease.GetString("CurrentOwner");
        }

        return owners;
    }
}
