using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;

namespace Foremast.Workflows.Notifications;

/// <summary>
/// The notifier behind <c>NotifyActivity</c>: records the notification in the action log, then delivers it to every
/// target of the run whose <c>when</c> names its event, checkpoint notices with the gate's approval link. Dry runs
/// deliver too, marked as a rehearsal: the links are how people reach the approvals. Targets that fail are returned
/// (their errors name the host only) after the others were tried, so the orchestration retries only those and records
/// the ones that never succeed on the run.
/// </summary>
/// <param name="links">The engine's link builder; null (no API in this host) sends no approval links.</param>
public sealed class DeliveringNotifier(IActionRecorder recorder, NotificationSender sender, NotificationRenderer renderer, Func<IApprovalLinks?> links) : INotifier
{
    public async Task<NotifyResult> NotifyAsync(RunNotification n, CancellationToken cancellationToken)
    {
        // A retry is the same notification to fewer targets: the action log has it once.
        if (n.Attempt <= 1) recorder.Record(n.RunId, n.Region, n.Env, n.Stage, n.Kind, $"{n.EventName} on {n.InstanceId} expires {n.ExpiresAt:O}");
        var targets = (n.Targets ?? []).Where(t => t.When.Contains(n.Kind, StringComparer.OrdinalIgnoreCase) && NotificationEvents.DeliveredTypes.Contains(t.Type)).ToList();
        if (targets.Count == 0) return NotifyResult.Delivered;

        var builder = links();
        var approvalUrl = n.Kind is NotificationEvents.CheckpointWaiting or NotificationEvents.CheckpointExpiring && builder is { CanSign: true } && n.Env is not null && n.ExpiresAt is not null
            ? builder.ApprovalUrl(n)
            : null;
        var rendered = renderer.Render(new NotificationMessage(n.Kind, n.RunId, n.App, n.Region, n.Env, n.Stage, approvalUrl, n.ExpiresAt, n.Rehearsal, n.Decision, builder?.RunUrl(n.RunId), n.Decided));

        var failures = new List<TargetFailure>();
        foreach (var target in targets)
        {
            try
            {
                await sender.SendAsync(target, rendered, cancellationToken);
                recorder.Record(n.RunId, n.Region, n.Env, n.Stage, "notification.sent", NotificationDestinations.Redact(target));
            }
            catch (NotificationFailedException e)
            {
                failures.Add(new TargetFailure(target, e.Message));
            }
        }

        return new NotifyResult(failures);
    }
}
