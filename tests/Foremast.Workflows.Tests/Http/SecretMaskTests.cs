using Foremast.Api.Health;

namespace Foremast.Workflows.Tests.Http;

/// <summary>The health route is anonymous on the Functions app: what other libraries put in their error messages is masked.</summary>
public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=foremastabc;AccountKey=abc+/def==;EndpointSuffix=core.windows.net", "AccountName=foremastabc;AccountKey=***;EndpointSuffix")]
    [InlineData("GET https://foremastabc.blob.core.windows.net/c?sv=2024-01-01&sig=AbC%2Bd%3D&se=2026 failed", "&sig=***&se=2026")]
    [InlineData("BlobEndpoint=https://x;SharedAccessSignature=sv=2024&sig=zzz", "SharedAccessSignature=***")]
    [InlineData("AccessDenied: User: arn:aws:sts::123456789012:assumed-role/foremast/abc is not authorized", "arn:aws:sts::***:assumed-role/foremast/abc")]
    [InlineData("InvalidClientTokenId: the key AKIAIOSFODNN7EXAMPLE is not valid", "the key *** is not valid")]
    public void Masks_storage_keys_sas_signatures_aws_account_ids_and_access_key_ids(string message, string expected)
    {
        var masked = SecretMask.Apply(message);

        Assert.Contains(expected, masked, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789012", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("abc+/def", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no answer within 5 s")]
    [InlineData("Connection refused (127.0.0.1:10001)")]
    [InlineData("https://sts.us-east-1.amazonaws.com")]
    [InlineData("{\"status\":\"healthy\",\"taskHub\":\"ForemastHub\",\"dryRun\":false}")]
    public void Leaves_ordinary_reasons_endpoints_and_json_alone(string text) => Assert.Equal(text, SecretMask.Apply(text));
}
