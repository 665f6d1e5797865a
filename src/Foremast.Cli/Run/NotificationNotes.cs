using Foremast.Api.Runs;
using Foremast.Workflows.Status;

namespace Foremast.Cli.Run;

/// <summary>
/// The notifications of a followed run that failed after their retries, each announced once: the run goes on without
/// them, so the person watching is the one who can tell the approvers by other means.
/// </summary>
public sealed class NotificationNotes
{
    private readonly HashSet<NotificationFailure> _shown = [];

    /// <returns>One line per failure not shown before.</returns>
    public IReadOnlyList<string> New(RunDocument run) =>
        (run.Status?.AllNotificationFailures() ?? []).Where(_shown.Add).Select(Describe).ToList();

    public static string Describe(NotificationFailure f) =>
        $"{(f.Region is { } region ? $"[{region}] " : "")}{f.Event} notification to {f.Target} not delivered after {f.Attempts} attempts: {f.Error}";
}
