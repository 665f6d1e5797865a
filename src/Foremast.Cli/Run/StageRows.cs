using System.Globalization;
using Foremast.Workflows.Status;

namespace Foremast.Cli.Run;

/// <summary>The text both views show for a stage, so the live table and the plain log say the same thing.</summary>
public static class StageRows
{
    public static string State(StageStatus stage) => stage.State switch
    {
        StageState.WaitingForApproval => "waiting for approval",
        _ => stage.State.ToString().ToLowerInvariant(),
    };

    /// <summary>Elapsed time of a running stage, total time of an ended one, empty before it started.</summary>
    public static string Duration(StageStatus stage, DateTime nowUtc)
    {
        if (stage.StartedAt is not { } start) return "";
        var end = stage.EndedAt ?? nowUtc;
        var seconds = Math.Max(0, (end - start).TotalSeconds);
        return seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
    }

    /// <summary>The duration with the stage's retries after it (<c>1.5 s, 1 retry</c>), as the dashboard words them.</summary>
    public static string Timing(StageStatus stage, DateTime nowUtc)
    {
        var duration = Duration(stage, nowUtc);
        if (stage.Retries is not (> 0 and var n)) return duration;
        var retries = n == 1 ? "1 retry" : string.Create(CultureInfo.InvariantCulture, $"{n} retries");
        return duration.Length == 0 ? retries : $"{duration}, {retries}";
    }
}
