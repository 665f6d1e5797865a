using Azure.Storage.Blobs;
using Foremast.Functions.Storage;
using Microsoft.Extensions.Configuration;

namespace Foremast.Functions.Tests;

/// <summary>The pipeline store follows AzureWebJobsStorage as the host reads it: connection string or identity-based (infra/main.bicep).</summary>
public sealed class HostStorageTests
{
    private static BlobContainerClient Container(Dictionary<string, string?> settings) =>
        HostStorage.PipelineContainer(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "foremast-pipelines");

    [Fact]
    public void Identity_based_account_name_reaches_the_accounts_blob_endpoint_without_a_key()
    {
        var container = Container(new()
        {
            ["AzureWebJobsStorage:accountName"] = "foremastabc123",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "11111111-2222-3333-4444-555555555555",
        });

        Assert.Equal(new Uri("https://foremastabc123.blob.core.windows.net/foremast-pipelines"), container.Uri);
        Assert.False(container.CanGenerateSasUri);
    }

    [Fact]
    public void Connection_string_is_used_as_given()
    {
        var container = Container(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1/foremast-pipelines"), container.Uri);
        Assert.True(container.CanGenerateSasUri);
    }
}
