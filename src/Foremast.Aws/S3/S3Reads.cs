using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Foremast.Aws.Converge;

namespace Foremast.Aws.S3;

/// <summary>S3 reads of optional configuration: "not set" (AWS answers 404 with a code per kind) is null, anything else the resource's one-line error.</summary>
public static class S3Reads
{
    private static readonly HashSet<string> NotSetCodes =
    [
        "NoSuchBucket", "NoSuchBucketPolicy", "NoSuchCORSConfiguration", "NoSuchLifecycleConfiguration", "NoSuchTagSet", "NoSuchWebsiteConfiguration", "ServerSideEncryptionConfigurationNotFoundError", "NoSuchKey", "NotFound",
    ];

    public static Task<T?> OptionalAsync<T>(string resource, string operation, Func<Task<T>> read) where T : class =>
        AwsCalls.RunAsync(resource, operation, async () =>
        {
            try
            {
                var result = await read().ConfigureAwait(false);
                // The v4 SDK hands some 404s of configuration reads back as a response (GetBucketPolicy even with the error XML as the policy).
                return result is AmazonWebServiceResponse { HttpStatusCode: HttpStatusCode.NotFound } ? null : result;
            }
            catch (AmazonS3Exception e) when (NotSetCodes.Contains(e.ErrorCode ?? "") || e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        });
}
