namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>Checkpoint and Pre-Promote Checkpoint: a manual judgment raced against its timeout (<see cref="CheckpointStep"/>).</summary>
internal sealed class CheckpointHandler : IStageHandler
{
    public bool IsCheckpoint => true;

    public async Task<StageOutput> RunAsync(StageExecution x)
    {
        var checkpoint = x.Checkpoint ?? throw new InvalidOperationException($"{x.Stage.Name}: a checkpoint needs its region's checkpoint context");
        var record = await CheckpointStep.WaitAsync(x.Context, x.Input, x.Stage, checkpoint.Status, checkpoint.Publish, checkpoint.BranchFailed);
        return new StageOutput([], record);
    }
}
