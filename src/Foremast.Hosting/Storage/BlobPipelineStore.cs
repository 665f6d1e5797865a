using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Hosting.Storage;

/// <summary>
/// Keeps each run's generated pipelines as one blob (<c>{runId}.json</c>) in the storage account of the task hub, so
/// every engine instance sees them and they outlive a restart. Both hosts compile this file.
/// </summary>
public sealed class BlobPipelineStore(BlobContainerClient container) : IPipelineStore
{
    public const string ContainerName = "foremast-pipelines";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static BlobPipelineStore Create(string connectionString) => new(new BlobContainerClient(connectionString, ContainerName));

    public async Task SaveAsync(string runId, IReadOnlyList<StoredPipeline> pipelines, CancellationToken cancellationToken = default)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var content = BinaryData.FromObjectAsJson(pipelines, Json);
        await container.GetBlobClient(BlobName(runId)).UploadAsync(content, overwrite: true, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredPipeline>> LoadAsync(string runId, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await container.GetBlobClient(BlobName(runId)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<List<StoredPipeline>>(Json) ?? [];
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }

    // Run ids are derived from app names and hashes (letters, digits, '-'), which are valid blob names as they are.
    private static string BlobName(string runId) => $"{runId}.json";
}
