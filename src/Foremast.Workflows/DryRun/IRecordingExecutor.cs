namespace Foremast.Workflows.DryRun;

/// <summary>
/// Marks an executor that only records what it would do and never touches a cloud. It serves dry runs on any host;
/// a run that is not dry refuses it (see <see cref="Execution.LiveExecutionGuard"/>) unless the host opted in with
/// <see cref="Execution.ExecutionOptions.RecordingExecutors"/>, so "no AWS executors registered" can never pass for a deployment.
/// </summary>
public interface IRecordingExecutor;
