using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations;

/// <summary>
/// Runs one executable stage of a region by its kind: the matching activity with the stage's retry policy and timeout,
/// or the deploy sub-orchestration. Keeps what later stages of the region need (the baked image, the server groups).
/// </summary>
internal sealed class StageDispatcher(TaskOrchestrationContext context, RunOptions options)
{
    private readonly Dictionary<string, DeployHandle> _deploys = new(StringComparer.Ordinal);
    private string? _imageId;

    /// <exception cref="TaskFailedException">The activity failed after its retries.</exception>
    /// <exception cref="StageTimeoutException">The stage outlived its definition's timeout.</exception>
    /// <exception cref="StageFailedException">The stage ended unsuccessfully without an activity exception.</exception>
    public async Task RunAsync(PlannedStage stage, StageRequest request)
    {
        var retry = StageRetry.Options(stage.Definition.Retry, options);
        switch (stage.Kind)
        {
            case StageKind.Bake:
                _imageId = (await context.WithTimeout(context.CallActivityAsync<BakedImage>(nameof(BakeActivity), request, retry), stage.Timeout, stage.Name)).ImageId;
                break;
            case StageKind.Infrastructure:
                await context.WithTimeout(context.CallActivityAsync<InfrastructureReport>(nameof(InfrastructureSetupActivity), request, retry), stage.Timeout, stage.Name);
                break;
            case StageKind.Deploy:
                var deploy = await context.CallSubOrchestratorAsync<DeployStageResult>(
                    nameof(DeployStageOrchestrator),
                    new DeployStageInput(request, _imageId, stage.Timeout, stage.Definition.Retry, options),
                    new SubOrchestrationOptions(instanceId: $"{context.InstanceId}:deploy:{stage.Env}"));
                if (!deploy.Succeeded) throw new StageFailedException(deploy.Error ?? "deploy failed");
                _deploys[stage.Env ?? ""] = deploy.Handle!;
                break;
            case StageKind.ScalingPolicy:
                var serverGroup = _deploys.TryGetValue(stage.Env ?? "", out var handle) ? handle.ServerGroup : null;
                await context.WithTimeout(context.CallActivityAsync<bool>(nameof(AttachScalingPolicyActivity), new AttachScalingPolicyInput(request, serverGroup), retry), stage.Timeout, stage.Name);
                break;
            case StageKind.Webhook:
                await context.WithTimeout(context.CallActivityAsync<int>(nameof(CallWebhookActivity), request, retry), stage.Timeout, stage.Name);
                break;
            default:
                throw new StageFailedException($"stage kind {stage.Kind} is not executed by this engine yet");
        }
    }
}
