using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Telemetry;
using Foremast.Workflows.Notifications;
using Foremast.Workflows.Status;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Foremast.Workflows.Orchestrations;

/// <summary>
/// Sends a run's notifications from an orchestration, best effort: a notification that still fails after its retries
/// is returned (for the status) and logged, and never fails the run. Events no target asks for are not sent at all
/// (no activity, no history).
/// </summary>
internal static class RunNotices
{
    private static readonly RetrySpec Retry = RetrySpec.Transient();

    public static bool Wants(RunOptions options, string kind) => (options.Notifications ?? []).Any(t => t.When.Contains(kind, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Delivers <paramref name="notification"/>, retrying only the targets an attempt could not reach (the activity
    /// returns them; the retry loop and its durable timers are in this orchestration's history), so a target that got
    /// the message is not sent it again.
    /// </summary>
    /// <returns>The targets that never got it, redacted for the status.</returns>
    public static async Task<IReadOnlyList<NotificationFailure>> SendAsync(TaskOrchestrationContext context, RunNotification notification, RunOptions options, bool always = false)
    {
        if (!always && !Wants(options, notification.Kind)) return [];
        var attempt = notification;
        var delay = options.RetryFirstDelay ?? Retry.FirstDelay;
        IReadOnlyList<TargetFailure> failed = [];
        for (var tries = 0; tries < Retry.MaxAttempts; tries++)
        {
            try
            {
                // The policy covers an attempt that crashed as a whole (a worker lost mid-send); per-target failures come back as data.
                failed = (await context.CallActivityAsync<NotifyResult>(nameof(NotifyActivity), attempt, StageRetry.Options(Retry, options))).Failed;
            }
            catch (TaskFailedException ex)
            {
                failed = (attempt.Targets ?? []).Where(t => t.When.Contains(notification.Kind, StringComparer.OrdinalIgnoreCase) && NotificationEvents.DeliveredTypes.Contains(t.Type))
                    .Select(t => new TargetFailure(t, ex.FailureDetails.ErrorMessage)).ToList();
                break;
            }

            if (failed.Count == 0 || attempt.Attempt >= Retry.MaxAttempts) break;
            await context.CreateTimer(delay, CancellationToken.None);
            delay = TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * Retry.BackoffCoefficient), Math.Max(delay.Ticks, Retry.MaxDelay.Ticks)));
            attempt = attempt with { Targets = failed.Select(f => f.Target).ToList(), Attempt = attempt.Attempt + 1 };
        }

        var logger = context.CreateReplaySafeLogger(nameof(RunNotices));
        var now = context.CurrentUtcDateTime;
        var region = notification.Region is { Length: > 0 } r ? r : null;
        return failed.Select(f =>
        {
            var target = NotificationDestinations.Redact(f.Target);
            using var scope = logger.BeginScope(StageLabels.Of(notification).Scope());
            logger.LogNotificationFailed(notification.Kind, target, f.Error);
            return new NotificationFailure(notification.Kind, target, f.Error, now, attempt.Attempt, region, notification.Env);
        }).ToList();
    }

    /// <summary>A run-level event: no region, stage or gate.</summary>
    public static RunNotification ForRun(string kind, string runId, string app, string instanceId, RunOptions options, string? detail = null) =>
        new(kind, runId, app, "", null, "", instanceId, null, null, options.Notifications, options.DryRun, detail);
}
