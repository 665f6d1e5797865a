using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.DryRun;

public sealed class DryRunNotifier(IActionRecorder recorder) : INotifier
{
    public Task<Notifications.NotifyResult> NotifyAsync(RunNotification n, CancellationToken cancellationToken)
    {
        recorder.Record(n.RunId, n.Region, n.Env, n.Stage, n.Kind, $"{n.EventName} on {n.InstanceId} expires {n.ExpiresAt:O}");
        return Task.FromResult(Notifications.NotifyResult.Delivered);
    }
}
