using Amazon.Runtime;

namespace Foremast.Aws;

/// <summary>
/// Runs one AWS call for a named resource and turns its failure into an <see cref="AwsOperationException"/> with one line:
/// the SDK's <see cref="AmazonServiceException"/> and the Query clients' <see cref="AwsServiceException"/> alike. The retry
/// pipeline below has already retried what can be retried, so nothing here retries.
/// </summary>
public static class AwsCalls
{
    public static async Task<T> RunAsync<T>(string resource, string operation, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            throw new AwsOperationException(e.Describe(resource), e) { Code = e.Code };
        }
        catch (AmazonServiceException e)
        {
            throw AwsOperationException.From(resource, operation, e);
        }
    }

    public static Task RunAsync(string resource, string operation, Func<Task> call) =>
        RunAsync<bool>(resource, operation, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });

    /// <summary>The AWS error code of a failure, whichever client raised it (null for anything else).</summary>
    public static string? Code(Exception e) => e switch
    {
        AwsOperationException { InnerException: { } inner } => Code(inner),
        AwsServiceException s => s.Code,
        AmazonServiceException a => a.ErrorCode,
        _ => null,
    };
}
