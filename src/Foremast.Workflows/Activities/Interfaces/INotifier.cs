namespace Foremast.Workflows.Activities.Interfaces;

/// <summary>A message about a run, e.g. <c>checkpoint.waiting</c>. Rendering and signing the approval link is the notifier's job.</summary>
public sealed record RunNotification(string Kind, string RunId, string App, string Region, string? Env, string Stage, string InstanceId, string? EventName, DateTime? ExpiresAt);

public interface INotifier
{
    Task NotifyAsync(RunNotification notification, CancellationToken cancellationToken);
}
