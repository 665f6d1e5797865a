using Amazon.Runtime;
using Foremast.Workflows.Execution;

namespace Foremast.Aws;

/// <summary>
/// An AWS call of an executor failed for good, or the account lacks what the config names: the one line a stage shows
/// (<c>{resource}: {operation} failed: {code}: {message}</c>). Final: the retry pipeline below already retried what can be retried.
/// </summary>
public sealed class AwsOperationException(string message, Exception? inner = null) : PermanentExecutorException(message, inner)
{
    /// <summary>AWS's error code (<c>AccessDenied</c>, <c>InvalidParameterValue</c>…), empty when the failure was not AWS's answer.</summary>
    public string Code { get; init; } = "";

    /// <summary>Wraps an AWS error answer as <c>{kind} {name}: {operation} failed: {code}: {message}</c>.</summary>
    public static AwsOperationException From(string kind, string name, AwsServiceException error) =>
        new(error.Describe($"{kind} {name}"), error) { Code = error.Code };

    /// <summary>Wraps an SDK (EC2, S3) error answer the same way.</summary>
    public static AwsOperationException From(string kind, string name, string operation, AmazonServiceException error) =>
        From($"{kind} {name}", operation, error);

    public static AwsOperationException From(string resource, string operation, AmazonServiceException error)
    {
        var code = string.IsNullOrEmpty(error.ErrorCode) ? ((int)error.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : error.ErrorCode;
        return new AwsOperationException($"{resource}: {operation} failed: {code}: {error.Message.ReplaceLineEndings(" ").Trim()}", error) { Code = code };
    }
}
