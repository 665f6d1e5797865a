using System.Globalization;
using Foremast.Api.Runs;
using Foremast.Workflows.Orchestrations;

namespace Foremast.Cli.Run;

/// <summary>How a finished run maps to the exit code: 0 succeeded, 3 stopped at a checkpoint or cancelled, 1 anything else.</summary>
public static class RunExit
{
    private static readonly HashSet<string> Ended = ["Completed", "Failed", "Terminated"];

    public static bool IsEnded(RunDocument run) => Ended.Contains(run.RuntimeStatus);

    public static int Code(RunDocument run) => run.Cancelled is not null ? ExitCodes.Stopped : run.Result?.Outcome switch
    {
        RunOutcome.Succeeded when run.RuntimeStatus == "Completed" => ExitCodes.Ok,
        RunOutcome.Stopped => ExitCodes.Stopped,
        _ => ExitCodes.Failed,
    };

    public static string Describe(RunDocument run) => run.Cancelled is { } cancelled
        ? string.Create(CultureInfo.InvariantCulture, $"run {run.RunId} cancelled{(cancelled.By is { } by ? $" by {by}" : "")} at {cancelled.At:yyyy-MM-dd HH:mm:ss} UTC{(cancelled.Reason is { Length: > 0 } reason ? $": {reason}" : "")}")
        : run.Result is { } result
        ? $"run {run.RunId} {result.Outcome.ToString().ToLowerInvariant()}{(result.Error is { } e ? $": {e}" : "")}"
        : $"run {run.RunId} {run.RuntimeStatus.ToLowerInvariant()}{(run.Failure is { } f ? $": {f}" : "")}";
}
