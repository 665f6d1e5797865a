using System.Text.Json.Serialization;

namespace Foremast.Workflows.Status;

[JsonConverter(typeof(JsonStringEnumConverter<RegionState>))]
public enum RegionState
{
    Pending,
    Running,
    WaitingForApproval,
    Succeeded,
    Failed,
    Stopped,

    /// <summary>Its run was cancelled while the region was still going.</summary>
    Cancelled,
}

/// <summary>The custom status of one region pipeline instance (<c>{runId}:{region}</c>).</summary>
/// <param name="NotificationFailures">Checkpoint notifications of this region that failed after their retries.</param>
public sealed record RegionStatus(
    string Region,
    string InstanceId,
    RegionState State,
    string? CurrentStage,
    IReadOnlyList<StageStatus> Stages,
    OpenCheckpoint? Checkpoint = null,
    string? Error = null,
    IReadOnlyList<NotificationFailure>? NotificationFailures = null);
