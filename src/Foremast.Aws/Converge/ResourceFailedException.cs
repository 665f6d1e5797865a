using Foremast.Workflows.Execution;
namespace Foremast.Aws.Converge;

/// <summary>
/// A resource could not be converged: one line naming the resource, the AWS operation, AWS's code and message (or what in the
/// config or account is missing). Final: the pipeline's own retry decides about transient faults, which never reach here.
/// </summary>
public sealed class ResourceFailedException(string message, Exception? inner = null) : PermanentExecutorException(message, inner)
{
    /// <summary>Wraps an AWS error answer as <c>{kind} {name}: {operation} failed: {code}: {message}</c>.</summary>
    public static ResourceFailedException From(string kind, string name, AwsServiceException error) => new(error.Describe($"{kind} {name}"), error);

    /// <summary>Wraps an SDK (EC2) error answer the same way.</summary>
    public static ResourceFailedException From(string kind, string name, string operation, Amazon.Runtime.AmazonServiceException error) =>
        new($"{kind} {name}: {operation} failed: {error.ErrorCode}: {error.Message}", error);
}
