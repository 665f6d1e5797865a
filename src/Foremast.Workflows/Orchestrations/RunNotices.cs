using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Foremast.Workflows.Orchestrations;

/// <summary>
/// Sends a run's notifications from an orchestration, best effort: a notification that still fails after its retries
/// is logged and never fails the run. Events no target asks for are not sent at all (no activity, no history).
/// </summary>
internal static class RunNotices
{
    public static bool Wants(RunOptions options, string kind) => (options.Notifications ?? []).Any(t => t.When.Contains(kind, StringComparer.OrdinalIgnoreCase));

    public static async Task SendAsync(TaskOrchestrationContext context, RunNotification notification, RunOptions options, bool always = false)
    {
        if (!always && !Wants(options, notification.Kind)) return;
        try
        {
            await context.CallActivityAsync<bool>(nameof(NotifyActivity), notification, StageRetry.Options(RetrySpec.Transient(), options));
        }
        catch (TaskFailedException ex)
        {
            var logger = context.CreateReplaySafeLogger(nameof(RunNotices));
            using var scope = logger.BeginScope(StageLabels.Of(notification).Scope());
            logger.LogNotificationFailed(notification.Kind, notification.Stage, ex.FailureDetails.ErrorMessage);
        }
    }

    /// <summary>A run-level event: no region, stage or gate.</summary>
    public static RunNotification ForRun(string kind, string runId, string app, string instanceId, RunOptions options, string? detail = null) =>
        new(kind, runId, app, "", null, "", instanceId, null, null, options.Notifications, options.DryRun, detail);
}
