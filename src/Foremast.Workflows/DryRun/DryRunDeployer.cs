using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.DryRun;

/// <summary>
/// Pretends a server group needs <see cref="ChecksUntilHealthy"/> probes to become healthy, so the polling loop runs. The probe
/// number comes from the deploy orchestration (durable), never from this object: executors keep no state in process memory,
/// so an engine that takes over a deploy after a crash continues the count instead of starting it again.
/// </summary>
public sealed class DryRunDeployer(IActionRecorder recorder) : IDeployer, IRecordingExecutor
{
    public const int ChecksUntilHealthy = 2;

    public Task<DeployHandle> StartAsync(StageRequest request, string? imageId, CancellationToken cancellationToken)
    {
        var strategy = request.Settings.TryGetProperty("deploy_strategy", out var s) ? s.ToString() : "highlander";
        recorder.Record(request, "deploy", $"image {imageId ?? "(none)"} version {request.Artifact.Version} strategy {strategy}");
        var env = request.Env ?? "";
        return Task.FromResult(new DeployHandle($"{request.RunId}/{request.App}{env}/{request.Region}", request.Region, env));
    }

    public Task<DeployHealth> CheckHealthAsync(StageRequest request, DeployHandle handle, int probe, CancellationToken cancellationToken)
    {
        recorder.Record(request, "check-health", $"{handle.ServerGroup} probe {probe}");
        return Task.FromResult(probe < ChecksUntilHealthy
            ? new DeployHealth(HealthState.Pending, $"{probe} of {ChecksUntilHealthy} probes")
            : new DeployHealth(HealthState.Healthy, "all instances in service"));
    }

    public Task<string> RollbackAsync(StageRequest request, DeployHandle handle, string reason, CancellationToken cancellationToken)
    {
        recorder.Record(request, "rollback", $"{handle.ServerGroup}: {reason}");
        return Task.FromResult($"{handle.ServerGroup} rolled back: {reason}");
    }
}
