using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed class NotifyActivity(INotifier notifier) : TaskActivity<RunNotification, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RunNotification notification)
    {
        await notifier.NotifyAsync(notification, CancellationToken.None);
        return true;
    }
}
