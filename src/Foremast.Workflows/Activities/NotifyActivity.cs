using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Notifications;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

/// <summary>
/// One delivery attempt to the targets in its input. Targets that fail are returned, not thrown: the orchestration
/// retries just those, so a target that already received the message is not sent it again.
/// </summary>
public sealed class NotifyActivity(INotifier notifier) : TaskActivity<RunNotification, NotifyResult>
{
    public override Task<NotifyResult> RunAsync(TaskActivityContext context, RunNotification notification) =>
        notifier.NotifyAsync(notification, CancellationToken.None);
}
