using Amazon.Runtime;

namespace Foremast.Aws.Converge;

/// <summary>
/// Runs one AWS call for a resource and turns its failure into <see cref="AwsResourceException"/>, the same line for the
/// hand-written clients and the SDK's. Retries already happened below (throttling, 5xx); nothing is retried here.
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
            throw new AwsResourceException(e.Describe(resource), e) { Code = e.Code };
        }
        catch (AmazonServiceException e)
        {
            var code = string.IsNullOrEmpty(e.ErrorCode) ? ((int)e.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : e.ErrorCode;
            throw new AwsResourceException($"{resource}: {operation} failed: {code}: {OneLine(e.Message)}", e) { Code = code };
        }
    }

    public static Task RunAsync(string resource, string operation, Func<Task> call) =>
        RunAsync(resource, operation, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
