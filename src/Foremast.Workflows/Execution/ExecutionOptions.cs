namespace Foremast.Workflows.Execution;

/// <summary>How a host executes stages, bound from <c>Foremast:Execution</c>. Whether a run is dry is the run's own decision (<see cref="Activities.StageRequest.DryRun"/>).</summary>
public sealed class ExecutionOptions
{
    public const string Section = "Foremast:Execution";

    /// <summary>
    /// True: runs that are not dry use the recording executors too, and succeed having changed nothing (tests, demos).
    /// False (the default): such a run fails its first cloud stage when the host has no live executor for it.
    /// </summary>
    public bool RecordingExecutors { get; set; }
}
