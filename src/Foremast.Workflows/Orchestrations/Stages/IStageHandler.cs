namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>
/// Runs one kind of stage inside its region orchestration (orchestrator code: deterministic, durable calls only).
/// <see cref="StageTable"/> maps each stage kind, and where it matters the pipeline type, to one handler.
/// </summary>
public interface IStageHandler
{
    /// <summary>True for manual judgments: they open and close themselves in the status and may stop the region.</summary>
    bool IsCheckpoint => false;

    /// <exception cref="Microsoft.DurableTask.TaskFailedException">An activity failed after its retries.</exception>
    /// <exception cref="StageTimeoutException">The stage outlived its definition's timeout.</exception>
    /// <exception cref="StageFailedException">The stage ended unsuccessfully without an activity exception.</exception>
    Task<StageOutput> RunAsync(StageExecution execution);
}
