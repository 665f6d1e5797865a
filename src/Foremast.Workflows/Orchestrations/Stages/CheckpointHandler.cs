namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>Checkpoint and Pre-Promote Checkpoint: a manual judgment raced against its timeout (<see cref="CheckpointStep"/>).</summary>
internal sealed class CheckpointHandler : IStageHandler
{
    public bool IsGate => true;

    public async Task<StageOutput> RunAsync(StageExecution x)
    {
        var gate = x.Gate ?? throw new InvalidOperationException($"{x.Stage.Name}: a gate needs its region's gate context");
        var record = await CheckpointStep.WaitAsync(x.Context, x.Input, x.Stage, gate.Status, gate.Publish, gate.BranchFailed);
        return new StageOutput([], record);
    }
}
