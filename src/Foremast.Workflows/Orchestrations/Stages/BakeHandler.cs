namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>Bake: the bake sub-orchestration (short steps between durable timers); later deploys of the region use its image.</summary>
internal sealed class BakeHandler : IStageHandler
{
    public async Task<StageOutput> RunAsync(StageExecution x)
    {
        var bake = await x.Context.CallSubOrchestratorAsync<BakeStageResult>(
            nameof(BakeStageOrchestrator),
            new BakeStageInput(x.Request, x.Stage.Timeout, x.Stage.Definition.Retry, x.Input.Options),
            new Microsoft.DurableTask.SubOrchestrationOptions(instanceId: $"{x.Context.InstanceId}:bake"));
        x.Retries.Add(bake.Retries);
        if (!bake.Succeeded) throw new StageFailedException(bake.Detail);
        x.Memory.ImageId = bake.ImageId;
        return new StageOutput([bake.Detail]);
    }
}
