
namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>Deploy: the deploy sub-orchestration (start, then health polls between durable timers).</summary>
internal sealed class DeployHandler : IStageHandler
{
    public async Task<StageOutput> RunAsync(StageExecution x)
    {
        var deploy = await x.Context.CallSubOrchestratorAsync<DeployStageResult>(
            nameof(DeployStageOrchestrator),
            new DeployStageInput(x.Request, x.Memory.ImageId, x.Input.Options.DeployTimeout ?? x.Stage.Timeout, x.Stage.Definition.Retry, x.Input.Options),
            new Microsoft.DurableTask.SubOrchestrationOptions(instanceId: $"{x.Context.InstanceId}:deploy:{x.Stage.Env}"));
        x.Retries.Add(deploy.Retries);
        if (!deploy.Succeeded) throw new StageFailedException(deploy.Error ?? "deploy failed");
        x.Memory.Deployed(x.Stage.Env, deploy.Handle!);
        return new StageOutput([$"{(x.Request.DryRun ? "would deploy" : "deployed")} {deploy.Handle!.ServerGroup}"]);
    }
}
