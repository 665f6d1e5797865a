using System.Text.Json.Serialization;

namespace Foremast.Workflows.Status;

[JsonConverter(typeof(JsonStringEnumConverter<StageState>))]
public enum StageState
{
    Pending,
    Running,
    WaitingForApproval,
    Succeeded,
    Failed,

    /// <summary>A checkpoint that was rejected or expired.</summary>
    Stopped,

    /// <summary>Never started because the region failed or stopped first.</summary>
    Skipped,

    /// <summary>Running or waiting for approval when the run was cancelled.</summary>
    Cancelled,
}
