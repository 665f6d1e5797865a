namespace Foremast.Spinnaker.Gate;

/// <summary>
/// A task was still running when the wait ran out (Foremast's SpinnakerTaskInconclusiveError). The task may still
/// succeed later, so callers must not treat this as a definite failure.
/// </summary>
public sealed class GateTaskTimeoutException(string taskId, string? lastStatus, TimeSpan waited)
    : GateException($"Gate task {taskId} was still {lastStatus ?? "unknown"} after {waited.TotalSeconds:0.#} s; its outcome is inconclusive")
{
    public string TaskId { get; } = taskId;

    public string? LastStatus { get; } = lastStatus;
}
