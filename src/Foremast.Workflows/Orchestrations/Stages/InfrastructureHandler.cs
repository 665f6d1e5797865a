using Foremast.Workflows.Infrastructure;

namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>Infrastructure Setup: the infrastructure sub-orchestration; every resource's change becomes a status line.</summary>
internal sealed class InfrastructureHandler : IStageHandler
{
    public async Task<StageOutput> RunAsync(StageExecution x)
    {
        var result = await x.WithinTimeout(x.Context.CallSubOrchestratorAsync<InfrastructureStageResult>(
            nameof(InfrastructureStageOrchestrator),
            new InfrastructureStageInput(x.Request, x.Stage.Definition.Retry, x.Input.Options),
            new Microsoft.DurableTask.SubOrchestrationOptions(instanceId: $"{x.Context.InstanceId}:infra:{x.Stage.Env}")));
        x.Retries.Add(result.Retries);
        var lines = result.Changes.Select(ResourceChangeLines.Format).ToList();
        if (!result.Succeeded) throw new StageFailedException(result.Error!, lines);
        return new StageOutput(lines);
    }
}
