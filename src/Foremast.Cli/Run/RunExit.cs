using Foremast.Workflows.Http.Runs;
using Foremast.Workflows.Orchestrations;

namespace Foremast.Cli.Run;

/// <summary>How a finished run maps to the exit code: 0 succeeded, 3 stopped at a checkpoint, 1 anything else.</summary>
public static class RunExit
{
    private static readonly HashSet<string> Ended = ["Completed", "Failed", "Terminated"];

    public static bool IsEnded(RunDocument run) => Ended.Contains(run.RuntimeStatus);

    public static int Code(RunDocument run) => run.Result?.Outcome switch
    {
        RunOutcome.Succeeded when run.RuntimeStatus == "Completed" => ExitCodes.Ok,
        RunOutcome.Stopped => ExitCodes.Stopped,
        _ => ExitCodes.Failed,
    };

    public static string Describe(RunDocument run) => run.Result is { } result
        ? $"run {run.RunId} {result.Outcome.ToString().ToLowerInvariant()}{(result.Error is { } e ? $": {e}" : "")}"
        : $"run {run.RunId} {run.RuntimeStatus.ToLowerInvariant()}{(run.Failure is { } f ? $": {f}" : "")}";
}
