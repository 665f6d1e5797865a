using System.Text.Json.Serialization;

namespace Foremast.Workflows.Status;

[JsonConverter(typeof(JsonStringEnumConverter<CheckpointVerdict>))]
public enum CheckpointVerdict
{
    Approved,
    Rejected,
    Expired,

    /// <summary>Closed without a decision because a branch stage failed.</summary>
    Cancelled,
}

/// <summary>
/// How one opening of a checkpoint closed, kept on its stage in the region status. Several people may send a decision
/// to the same gate; only the first event the orchestration takes counts, and <see cref="DecisionId"/> echoes which one,
/// so the approval handler can tell each sender from the recorded state (not from what was sent) whose decision counted.
/// </summary>
/// <param name="ExpiresAt">The expiry of the opening this closes; approval tokens carry it to name their opening.</param>
/// <param name="DecisionId">The id the approval handler put in the event; null for expiry, cancellation, or an event raised by hand.</param>
/// <param name="Verified">True when the decider's name came from the platform's sign-in, false for a typed name.</param>
/// <param name="Source">The address the decision came from, as the API trusted it; null for expiry, cancellation or an event raised by hand.</param>
/// <param name="ForwardedFor">Addresses the request claimed (<c>X-Forwarded-For</c>) that no trusted proxy vouches for.</param>
public sealed record CheckpointDecision(
    CheckpointVerdict Verdict, string? By, DateTime At, string? Comment, DateTime ExpiresAt, string? DecisionId = null, bool Verified = false,
    string? Source = null, string? ForwardedFor = null);
