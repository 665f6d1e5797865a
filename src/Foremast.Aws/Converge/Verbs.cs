namespace Foremast.Aws.Converge;

/// <summary>The verbs of <see cref="Foremast.Workflows.Activities.Interfaces.ResourceChange"/> (what <c>foremast infra</c> prints).</summary>
public static class Verbs
{
    public const string Created = "created", Updated = "updated", Deleted = "deleted", Unchanged = "unchanged";
    public const string WouldCreate = "would create", WouldUpdate = "would update", WouldDelete = "would delete";

    /// <summary>"created", or in a dry run "would create".</summary>
    public static string Create(bool dryRun) => dryRun ? WouldCreate : Created;

    public static string Update(bool dryRun) => dryRun ? WouldUpdate : Updated;

    public static string Delete(bool dryRun) => dryRun ? WouldDelete : Deleted;
}
