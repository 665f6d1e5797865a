using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace Foremast.Functions.Storage;

/// <summary>
/// The container of run pipelines in the host's storage account, reached the way the Functions host reaches
/// <c>AzureWebJobsStorage</c>: a connection string, or identity-based (<c>AzureWebJobsStorage__accountName</c> or
/// <c>__blobServiceUri</c>, with <c>__clientId</c> for a user-assigned identity) as infra/main.bicep deploys it.
/// </summary>
internal static class HostStorage
{
    public const string Connection = "AzureWebJobsStorage";

    public static BlobContainerClient PipelineContainer(IConfiguration configuration, string containerName)
    {
        var section = configuration.GetSection(Connection);
        if (section.Value is { Length: > 0 } connectionString) return new BlobContainerClient(connectionString, containerName);

        var serviceUri = section["blobServiceUri"] is { Length: > 0 } uri ? uri
            : section["accountName"] is { Length: > 0 } account ? $"https://{account}.blob.core.windows.net"
            : null;
        // Neither: `func start` on a developer machine without settings, as before (Azurite).
        if (serviceUri is null) return new BlobContainerClient("UseDevelopmentStorage=true", containerName);

        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        return new BlobContainerClient(new Uri($"{serviceUri.TrimEnd('/')}/{containerName}"), credential);
    }
}
