using Foremast.Api.Runs;
using Foremast.Workflows.Status;

namespace Foremast.Cli.Run;

/// <summary>Where a run stands, in a few words, from the last status document <c>foremast run</c> saw (e.g. when it is stopped).</summary>
public static class RunStanding
{
    /// <returns>E.g. <c>waiting at Checkpoint prod (us-east-1, us-west-2)</c> or <c>running Deploy dev (us-east-1); waiting at Checkpoint prod (us-west-2)</c>.</returns>
    public static string Describe(RunDocument? run)
    {
        if (run?.Status is not { } status) return "not started yet";
        if (status.State == RunState.Configuring || status.Regions.Count == 0) return "configuring";

        // Regions in the same place are named together, in the order the run lists them.
        var places = status.Regions
            .Select(r => (r.Region, Place: Place(r)))
            .GroupBy(r => r.Place, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(r => r.Region))})");
        return string.Join("; ", places);
    }

    private static string Place(RegionStatus region) => region.State switch
    {
        RegionState.WaitingForApproval => $"waiting at {region.Checkpoint?.Stage ?? region.CurrentStage ?? "a checkpoint"}",
        RegionState.Running => region.CurrentStage is { } stage ? $"running {stage}" : "running",
        RegionState.Pending => "pending",
        _ => region.State.ToString().ToLowerInvariant(),
    };
}
