namespace Foremast.Workflows.Notifications;

/// <summary>One target a notification did not reach on this attempt, and why (the error names only the host).</summary>
public sealed record TargetFailure(NotificationTarget Target, string Error);
