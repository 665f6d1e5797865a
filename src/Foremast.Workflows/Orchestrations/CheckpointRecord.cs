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
public sealed record CheckpointRecord(string Stage, string Env, string EventName, CheckpointOutcome Outcome, string? By, DateTime At, string? Comment);
