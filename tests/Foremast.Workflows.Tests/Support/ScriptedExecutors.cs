using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;

namespace Foremast.Workflows.Tests.Support;

// Thin decorators: the dry-run executor still records every attempt, the script decides whether it throws first.
// A failing attempt is recorded too (as "attempt"), so tests can count retries.

public sealed class ScriptedBaker(DryRunBaker inner, StageScript script, IActionRecorder recorder) : IBaker
{
    public async Task<BakeStep> AdvanceAsync(StageRequest request, CancellationToken cancellationToken)
    {
        recorder.Record(request, "attempt", "bake");
        await script.ApplyAsync(request);
        if (script.TakePending(request)) return new BakeStep(BakeState.Pending, null, "builder installing the artifact");
        return await inner.AdvanceAsync(request, cancellationToken);
    }
}

/// <summary>The script fails the IAM resource only (as a permission error would), so its attempts are the stage's retries.</summary>
public sealed class ScriptedInfrastructureResource(RecordingInfrastructureResource inner, StageScript script, IActionRecorder recorder) : IInfrastructureResource
{
    public string Kind => inner.Kind;

    public async Task<ResourceResult> ConvergeAsync(StageRequest request, CancellationToken cancellationToken)
    {
        if (Kind == ResourceKinds.Iam)
        {
            recorder.Record(request, "attempt", "infrastructure");
            await script.ApplyAsync(request);
        }

        return await inner.ConvergeAsync(request, cancellationToken);
    }
}

public sealed class ScriptedScaling(DryRunScaling inner, StageScript script) : IScaling
{
    public async Task AttachAsync(StageRequest request, string? serverGroup, CancellationToken cancellationToken)
    {
        await script.ApplyAsync(request);
        await inner.AttachAsync(request, serverGroup, cancellationToken);
    }
}

public sealed class ScriptedWebhookCaller(DryRunWebhookCaller inner, StageScript script) : IWebhookCaller
{
    public async Task<WebhookResult> CallAsync(StageRequest request, CancellationToken cancellationToken)
    {
        await script.ApplyAsync(request);
        return await inner.CallAsync(request, cancellationToken);
    }
}

public sealed class ScriptedDeployer(DryRunDeployer inner, StageScript script) : IDeployer
{
    public Task<DeployHandle> StartAsync(StageRequest request, string? imageId, CancellationToken cancellationToken) =>
        inner.StartAsync(request, imageId, cancellationToken);

    public async Task<DeployHealth> CheckHealthAsync(StageRequest request, DeployHandle handle, int probe, CancellationToken cancellationToken)
    {
        var health = await inner.CheckHealthAsync(request, handle, probe, cancellationToken);
        return script.ForcedHealth(request) switch
        {
            HealthState.Failed => new DeployHealth(HealthState.Failed, "2 instances terminated: ELB health check failed"),
            HealthState.Pending => new DeployHealth(HealthState.Pending, "0 of 3 instances in service"),
            _ => health,
        };
    }

    public Task<string> RollbackAsync(StageRequest request, DeployHandle handle, string reason, CancellationToken cancellationToken) =>
        inner.RollbackAsync(request, handle, reason, cancellationToken);
}
