using System.Text.Json.Serialization;

namespace Foremast.Workflows.Status;

[JsonConverter(typeof(JsonStringEnumConverter<RunState>))]
public enum RunState
{
    Configuring,
    Running,
    Succeeded,
    Failed,
    Stopped,

    /// <summary>Terminated through <c>POST /api/runs/{id}/cancel</c> (or by an operator); set by the status endpoint, never by the run.</summary>
    Cancelled,
}

/// <summary>
/// The custom status of a run instance. Region entries are refreshed when a region finishes; while a region runs,
/// its live entry is the custom status of its own instance (<see cref="RegionStatus.InstanceId"/>), see <see cref="WithLiveRegions"/>.
/// </summary>
/// <param name="Pipelines">The Spinnaker pipelines generated for the run (names and sizes; the documents are in the pipeline store).</param>
/// <param name="NotificationFailures">Run notifications (<c>pipeline.*</c>) that failed after their retries; checkpoint ones are on their region.</param>
/// <param name="Rerun">For an attempt (<c>{runId}-r{N}</c>): which run it repeats and who asked for it; null for a first run.</param>
public sealed record RunStatus(
    string RunId,
    string App,
    RunState State,
    DateTime StartedAt,
    DateTime? EndedAt,
    IReadOnlyList<RegionStatus> Regions,
    string? Error = null,
    IReadOnlyList<Activities.GeneratedPipelineSummary>? Pipelines = null,
    IReadOnlyList<NotificationFailure>? NotificationFailures = null,
    RerunRequest? Rerun = null)
{
    /// <summary>Adds failures to the run's list; null stays null when there are none, so the document does not grow.</summary>
    public RunStatus WithNotificationFailures(IReadOnlyList<NotificationFailure> failures) =>
        failures.Count == 0 ? this : this with { NotificationFailures = [.. NotificationFailures ?? [], .. failures] };

    /// <summary>Every notification that failed: the run's own, then each region's.</summary>
    public IReadOnlyList<NotificationFailure> AllNotificationFailures() =>
        [.. NotificationFailures ?? [], .. Regions.SelectMany(r => r.NotificationFailures ?? [])];

    /// <summary>Replaces region entries with fresher ones read from the region instances (used by the status endpoint).</summary>
    public RunStatus WithLiveRegions(IEnumerable<RegionStatus> live)
    {
        var byRegion = live.ToDictionary(r => r.Region, StringComparer.Ordinal);
        return this with { Regions = Regions.Select(r => IsFinal(r.State) || !byRegion.TryGetValue(r.Region, out var fresh) ? r : fresh).ToList() };
    }

    public static bool IsFinal(RegionState state) => state is RegionState.Succeeded or RegionState.Failed or RegionState.Stopped or RegionState.Cancelled;
}
