using Foremast.Workflows.Execution;
namespace Foremast.Aws.Safety;

/// <summary>A mutating AWS call attempted by a read-only (dry-run) session: a bug in an executor, never sent to AWS.</summary>
public sealed class MutationRefusedException(AwsCall call)
    : PermanentExecutorException($"dry run: refused the mutating call {call.Service} {call.Operation}")
{
    public AwsCall Call { get; } = call;
}
