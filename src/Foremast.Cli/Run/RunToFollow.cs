using System.Globalization;
using Foremast.Api.Runs;

namespace Foremast.Cli.Run;

/// <summary>
/// Which run <c>foremast run</c> follows once the engine has answered its start request. Run ids are derived from
/// config and artifact, so repeating a command finds the earlier run: one that has ended is reported in one line and
/// its result is the exit code (nothing is deployed twice by accident); <c>--rerun</c> starts a new attempt of it.
/// </summary>
public sealed class RunToFollow(EngineClient client, TextWriter output, TextWriter errors)
{
    /// <returns>The run to follow, or null with the exit code when there is nothing to follow.</returns>
    public async Task<(string? RunId, int ExitCode)> ChooseAsync(RunStartReply started, bool rerun, CancellationToken cancellationToken)
    {
        var runId = started.RunId!;
        if (started.Created)
        {
            output.WriteLine($"started run {runId} on {client.Server}");
            return (runId, ExitCodes.Ok);
        }

        // The newest attempt is the earlier run that counts: an original that failed and was rerun successfully is done.
        if (await LatestAttemptAsync(runId, cancellationToken) is not { } earlier)
        {
            // Purged between the start request and this look-up: nothing to report or follow.
            errors.WriteLine($"error: the engine found run {runId} but has no record of it now (purged?); start it again");
            return (null, ExitCodes.Failed);
        }

        if (rerun)
        {
            // The local user asked: the attempt's status says so (as a typed name, not a verified one).
            var again = await client.RerunAsync(earlier.RunId, Environment.UserName, cancellationToken);
            if (again.RunId is null)
            {
                errors.WriteLine($"error: cannot rerun (HTTP {again.Status}): {again.Body}");
                return (null, ExitCodes.Failed);
            }

            output.WriteLine($"started run {again.RunId} on {client.Server} (a new attempt of {runId})");
            return (again.RunId, ExitCodes.Ok);
        }

        if (RunExit.IsEnded(earlier))
        {
            output.WriteLine(DescribeEnded(earlier));
            return (null, RunExit.Code(earlier));
        }

        output.WriteLine($"found existing run {earlier.RunId} on {client.Server}, started {Time(earlier.CreatedAt.UtcDateTime)} and still {earlier.RuntimeStatus.ToLowerInvariant()}: following it");
        return (earlier.RunId, ExitCodes.Ok);
    }

    /// <summary>One line: which run, how it ended and when, that nothing started, and how to start a new attempt.</summary>
    public static string DescribeEnded(RunDocument run)
    {
        var (how, at) = run switch
        {
            { Cancelled: { } c } => ("cancelled" + (c.By is { } by ? $" by {by}" : ""), c.At),
            { Result: { } r } => (r.Outcome.ToString().ToLowerInvariant(), run.Status?.EndedAt ?? run.LastUpdatedAt.UtcDateTime),
            _ => (run.RuntimeStatus.ToLowerInvariant(), run.LastUpdatedAt.UtcDateTime),
        };
        var why = (run.Cancelled?.Reason ?? run.Result?.Error ?? run.Failure) is { Length: > 0 } text ? $" ({FirstLine(text)})" : "";
        return $"run {run.RunId} of this artifact has already ended: {how} at {Time(at)}{why}; nothing started. Add --rerun to start a new attempt from its first stage.";
    }

    private async Task<RunDocument?> LatestAttemptAsync(string runId, CancellationToken cancellationToken)
    {
        var original = await client.GetAsync(runId, cancellationToken);
        return original?.Attempts is [.., var last] && await client.GetAsync(last, cancellationToken) is { } attempt ? attempt : original;
    }

    private static string Time(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
