using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.DryRun;

public sealed class DryRunScaling(IActionRecorder recorder) : IScaling, IRecordingExecutor
{
    public Task AttachAsync(StageRequest request, string? serverGroup, CancellationToken cancellationToken)
    {
        var policy = request.Settings.TryGetProperty("asg", out var asg) && asg.TryGetProperty("scaling_policy", out var p) ? p.GetRawText() : "{}";
        recorder.Record(request, "scaling-policy", $"{policy} on {serverGroup ?? "(no server group)"}");
        return Task.CompletedTask;
    }
}
