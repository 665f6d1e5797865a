using Foremast.Workflows.Activities;
using Foremast.Workflows.DryRun;
using Microsoft.Extensions.Options;

namespace Foremast.Workflows.Execution;

/// <summary>
/// The one check between a run's dry-run decision and the host's executors: a dry run may use any executor (live ones
/// honour <see cref="StageRequest.DryRun"/> and apply nothing); a run that is not dry must not be "deployed" by a recorder.
/// </summary>
public sealed class LiveExecutionGuard(IOptions<ExecutionOptions> options)
{
    /// <exception cref="NoLiveExecutorException">The run is not dry and the executor only records.</exception>
    public void Ensure(object executor, StageRequest request, string what)
    {
        if (request.DryRun || executor is not IRecordingExecutor || options.Value.RecordingExecutors) return;
        throw new NoLiveExecutorException(
            $"no live executor for {what} here (only the dry-run recorder): run it as a dry run (--dry-run), or configure the AWS executors");
    }
}
