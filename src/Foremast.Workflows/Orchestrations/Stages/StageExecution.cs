using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>One stage about to run: the orchestration, the planned stage, its request, and what earlier stages of the region left.</summary>
/// <param name="Checkpoint">Set for checkpoint stages only: what a manual judgment needs from its region.</param>
public sealed record StageExecution(
    TaskOrchestrationContext Context,
    RegionPipelineInput Input,
    PlannedStage Stage,
    StageRequest Request,
    RegionMemory Memory,
    CheckpointContext? Checkpoint = null)
{
    /// <summary>Retries of this stage's activity calls so far, for its status (sub-orchestration stages add theirs).</summary>
    public RetryCount Retries { get; } = new();

    public TaskOptions? Retry => StageRetry.Options(Stage.Definition.Retry, Input.Options, Retries);

    /// <summary>Races a durable call against the stage's timeout.</summary>
    public Task<T> WithinTimeout<T>(Task<T> task) => Context.WithTimeout(task, Stage.Timeout, Stage.Name);
}
