using Foremast.Workflows.Execution;
namespace Foremast.Aws.Converge;

/// <summary>
/// A resource could not be converged because AWS refused a call: the message is the one line a person reads
/// (<c>{resource}: {operation} failed: {code}: {message}</c>); the AWS error is the inner exception.
/// </summary>
public sealed class AwsResourceException(string message, Exception inner) : PermanentExecutorException(message, inner)
{
    /// <summary>AWS's error code (<c>AccessDenied</c>, <c>InvalidParameterValue</c>…).</summary>
    public string Code { get; init; } = "";
}
