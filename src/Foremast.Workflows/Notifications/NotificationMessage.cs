namespace Foremast.Workflows.Notifications;

/// <summary>What one notification says; every sender renders it through its own template.</summary>
/// <param name="Event">One of <see cref="NotificationEvents"/>.</param>
/// <param name="ApprovalUrl">The gate's approval link (checkpoint events).</param>
/// <param name="Rehearsal">A dry run: every message says so, since its links are how people rehearse the approvals.</param>
/// <param name="Decision">For <c>checkpoint.decided</c>: who decided what, when, from where, in one line.</param>
/// <param name="Decided">For <c>checkpoint.decided</c>: the same facts as fields, for our own webhook's receivers.</param>
public sealed record NotificationMessage(
    string Event,
    string RunId,
    string App,
    string? Region,
    string? Env,
    string? Stage,
    string? ApprovalUrl,
    DateTime? ExpiresAt,
    bool Rehearsal,
    string? Decision = null,
    string? RunUrl = null,
    Foremast.Workflows.Status.CheckpointDecision? Decided = null);
