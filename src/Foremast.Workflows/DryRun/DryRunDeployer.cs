using System.Collections.Concurrent;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.DryRun;

/// <summary>Pretends a server group needs <see cref="ChecksUntilHealthy"/> probes to become healthy, so the polling loop runs.</summary>
public sealed class DryRunDeployer(IActionRecorder recorder) : IDeployer, IRecordingExecutor
{
    public const int ChecksUntilHealthy = 2;

    private readonly ConcurrentDictionary<string, int> _checks = new(StringComparer.Ordinal);

    public Task<DeployHandle> StartAsync(StageRequest request, string? imageId, CancellationToken cancellationToken)
    {
        var strategy = request.Settings.TryGetProperty("deploy_strategy", out var s) ? s.ToString() : "highlander";
        recorder.Record(request, "deploy", $"image {imageId ?? "(none)"} version {request.Artifact.Version} strategy {strategy}");
        var env = request.Env ?? "";
        return Task.FromResult(new DeployHandle($"{request.RunId}/{request.App}{env}/{request.Region}", request.Region, env));
    }

    public Task<DeployHealth> CheckHealthAsync(StageRequest request, DeployHandle handle, CancellationToken cancellationToken)
    {
        var count = _checks.AddOrUpdate(handle.ServerGroup, 1, (_, n) => n + 1);
        recorder.Record(request, "check-health", $"{handle.ServerGroup} probe {count}");
        if (count < ChecksUntilHealthy) return Task.FromResult(new DeployHealth(HealthState.Pending, $"{count} of {ChecksUntilHealthy} probes"));

        // Forget healthy server groups, so a long-lived dry-run host does not grow.
        _checks.TryRemove(handle.ServerGroup, out _);
        return Task.FromResult(new DeployHealth(HealthState.Healthy, "all instances in service"));
    }

    public Task<string> RollbackAsync(StageRequest request, DeployHandle handle, string reason, CancellationToken cancellationToken)
    {
        recorder.Record(request, "rollback", $"{handle.ServerGroup}: {reason}");
        return Task.FromResult($"{handle.ServerGroup} rolled back: {reason}");
    }
}
