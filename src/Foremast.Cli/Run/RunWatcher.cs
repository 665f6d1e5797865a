using Foremast.Api.Runs;

namespace Foremast.Cli.Run;

/// <summary>
/// Follows one run through the status endpoint until it ends: shows every update, prints each open gate's approval
/// link once and, with auto-approval, approves it through that same link (the path a person's click takes). A
/// notification that failed after its retries is announced once.
/// </summary>
public sealed class RunWatcher(EngineClient client, IProgressView view, bool autoApprove, TimeSpan pollInterval)
{
    public const string AutoApprover = "foremast-run";

    private readonly HashSet<string> _shown = new(StringComparer.Ordinal);
    private readonly NotificationNotes _notifications = new();

    /// <summary>The latest status document read, so a stopped follower can still say where the run stands.</summary>
    public RunDocument? Last { get; private set; }

    /// <returns>The final status document, or null when <paramref name="cancellationToken"/> (the timeout) fired first.</returns>
    public async Task<RunDocument?> WatchAsync(string runId, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var run = await client.GetAsync(runId, cancellationToken) ?? throw new InvalidOperationException($"the engine has no run {runId}");
                Last = run;
                view.Update(run);
                foreach (var line in _notifications.New(run)) view.Note(line);
                if (RunExit.IsEnded(run)) return run;
                foreach (var gate in run.Approvals ?? []) await ShowAsync(gate, cancellationToken);
                await Task.Delay(pollInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task ShowAsync(ApprovalLink gate, CancellationToken cancellationToken)
    {
        if (!_shown.Add(gate.Url)) return;
        view.Note($"[{gate.Region}] {gate.Stage} waits for approval until {gate.ExpiresAt:yyyy-MM-dd HH:mm:ss} UTC: {gate.Url}");
        view.Note($"  approve: curl -X POST -d decision=approve '{gate.Url}'");
        if (!autoApprove) return;
        var status = await client.DecideAsync(gate.Url, "approve", AutoApprover, cancellationToken);
        view.Note($"  approved by {AutoApprover} (HTTP {status})");
    }
}
