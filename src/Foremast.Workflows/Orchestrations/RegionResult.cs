using System.Text.Json.Serialization;
using Foremast.Workflows.Status;

namespace Foremast.Workflows.Orchestrations;

[JsonConverter(typeof(JsonStringEnumConverter<RegionOutcome>))]
public enum RegionOutcome
{
    Succeeded,

    /// <summary>A stage failed after its retries; <see cref="RegionResult.FailedStage"/> and <see cref="RegionResult.Error"/> say which and why.</summary>
    Failed,

    /// <summary>A checkpoint was rejected or expired: the region halted without failing (Spinnaker's failPipeline: false).</summary>
    Stopped,
}

/// <summary>The end of one region pipeline, with its final status (stages, times, decisions).</summary>
public sealed record RegionResult(
    string Region,
    RegionOutcome Outcome,
    string? FailedStage,
    string? Error,
    CheckpointRecord? StoppedBy,
    IReadOnlyList<CheckpointRecord> Checkpoints,
    RegionStatus Status);
