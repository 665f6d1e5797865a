namespace Foremast.Spinnaker.Gate;

/// <summary>An orca task ended in a failed state (Foremast's SpinnakerTaskError).</summary>
public sealed class GateTaskFailedException(string taskId, string status, string? failure)
    : GateException($"Gate task {taskId} ended {status}{(string.IsNullOrWhiteSpace(failure) ? "" : $": {failure}")}", gateMessage: failure)
{
    public string TaskId { get; } = taskId;

    public string Status { get; } = status;
}
