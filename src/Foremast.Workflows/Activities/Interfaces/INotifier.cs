namespace Foremast.Workflows.Activities.Interfaces;

/// <summary>A message about a run, e.g. <c>checkpoint.waiting</c>. Rendering and signing the approval link is the notifier's job.</summary>
/// <param name="Targets">Where it may go (each target's <c>when</c> decides); null or empty: recorded only.</param>
/// <param name="Rehearsal">A dry run's notification: every message says so.</param>
/// <param name="Decision">For <c>checkpoint.decided</c>: who decided what and when.</param>
/// <param name="Decided">For <c>checkpoint.decided</c>: the decision as the checkpoint recorded it (verdict, who, verified, when, comment, source).</param>
/// <param name="Attempt">1 for the first delivery; a retry carries only the targets the earlier attempts missed.</param>
public sealed record RunNotification(
    string Kind,
    string RunId,
    string App,
    string Region,
    string? Env,
    string Stage,
    string InstanceId,
    string? EventName,
    DateTime? ExpiresAt,
    IReadOnlyList<Notifications.NotificationTarget>? Targets = null,
    bool Rehearsal = false,
    string? Decision = null,
    int Attempt = 1,
    Status.CheckpointDecision? Decided = null);

public interface INotifier
{
    /// <returns>The targets it could not reach; every other target of <see cref="RunNotification.Targets"/> that asks for the event got it.</returns>
    Task<Notifications.NotifyResult> NotifyAsync(RunNotification notification, CancellationToken cancellationToken);
}
