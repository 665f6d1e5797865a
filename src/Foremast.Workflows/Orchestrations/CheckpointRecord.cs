using System.Text.Json.Serialization;

namespace Foremast.Workflows.Orchestrations;

[JsonConverter(typeof(JsonStringEnumConverter<CheckpointOutcome>))]
public enum CheckpointOutcome
{
    Approved,
    Rejected,
    Expired,
}

/// <summary>How a checkpoint ended; part of the run's record.</summary>
/// <param name="By">Who decided; null when the timer expired the gate.</param>
/// <param name="Verified">True when <paramref name="By"/> came from the platform's sign-in, false for a typed name.</param>
/// <param name="Source">The address the decision came from (see <see cref="ApprovalEvent.Source"/>).</param>
/// <param name="ForwardedFor">Addresses the request claimed beyond <paramref name="Source"/>, unverified.</param>
public sealed record CheckpointRecord(
    string Stage, string Env, string EventName, CheckpointOutcome Outcome, string? By, DateTime At, string? Comment,
    bool Verified = false, string? Source = null, string? ForwardedFor = null);
