using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Status;
using Foremast.Workflows.Telemetry;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations;

/// <summary>
/// A manual judgment: the external event <c>approval:{region}:{env}</c> raced against a durable timer.
/// It runs inside the region orchestration so the decision goes to the instance the status names.
/// </summary>
internal static class CheckpointStep
{
    /// <param name="branchFailed">
    /// Completes with true when a running branch stage fails: the gate then closes without a decision and the region fails,
    /// as Spinnaker cancels a pending judgment when a failPipeline branch fails.
    /// </param>
    /// <returns>The decision, or null when a failed branch cancelled the gate.</returns>
    public static async Task<CheckpointRecord?> WaitAsync(
        TaskOrchestrationContext context, RegionPipelineInput input, PlannedStage stage, RegionStatusTracker status, Action publish, Task<bool> branchFailed)
    {
        var env = stage.Env ?? "";
        var eventName = ApprovalGate.EventName(input.Work.Region, env, promote: stage.Kind == StageKind.PrePromoteCheckpoint);
        var opened = context.CurrentUtcDateTime;
        var expires = opened + (input.Options.CheckpointTimeout ?? stage.Timeout);
        status.CheckpointOpened(stage.RefId, new OpenCheckpoint(stage.Name, env, context.InstanceId, eventName, opened, expires));
        publish();

        using var cancel = new CancellationTokenSource();
        var decision = context.WaitForExternalEvent<ApprovalEvent>(eventName, cancel.Token);
        var timer = context.CreateTimer(expires, cancel.Token);
        Record(status, publish, await NotifyWaitingAsync(context, input, stage, eventName, expires));

        // checkpoint.expiring: a durable timer at a quarter of the timeout before the expiry, only when a target asks for it.
        var expiring = RunNotices.Wants(input.Options, "checkpoint.expiring") ? context.CreateTimer(expires - (expires - opened) / 4, cancel.Token) : null;
        var winner = await FirstOfAsync(decision, timer, branchFailed, expiring);
        if (expiring is not null && winner == expiring)
        {
            Record(status, publish, await RunNotices.SendAsync(context, new RunNotification("checkpoint.expiring", input.RunId, input.App, input.Work.Region, stage.Env, stage.Name, context.InstanceId, eventName, expires,
                input.Options.Notifications, input.Options.DryRun), input.Options));
            winner = await FirstOfAsync(decision, timer, branchFailed, null);
        }

        cancel.Cancel();
        var now = context.CurrentUtcDateTime;
        if (winner == branchFailed)
        {
            status.CheckpointClosed(stage.RefId, now, approved: false, "cancelled: a branch stage failed",
                new CheckpointDecision(CheckpointVerdict.Cancelled, null, now, "a branch stage failed", expires));
            publish();
            RunTelemetry.CheckpointClosed(context, input, stage, opened, "cancelled");
            return null;
        }

        var record = winner == decision
            ? Decided(stage, env, eventName, decision.Result, now)
            : new CheckpointRecord(stage.Name, env, eventName, CheckpointOutcome.Expired, null, expires, $"no decision before {expires:O}");

        var approved = record.Outcome == CheckpointOutcome.Approved;
        var decisionId = winner == decision ? decision.Result.DecisionId : null;
        var echo = Echo(record, expires, decisionId);
        status.CheckpointClosed(stage.RefId, now, approved, approved ? null : Describe(record), echo);
        publish();
        RunTelemetry.CheckpointClosed(context, input, stage, opened, record.Outcome.ToString().ToLowerInvariant());
        Record(status, publish, await NotifyDecidedAsync(context, input, stage, eventName, record, echo));
        return record;
    }

    /// <summary>Failed notifications go on the region's status; the region goes on.</summary>
    private static void Record(RegionStatusTracker status, Action publish, IReadOnlyList<NotificationFailure> failures)
    {
        if (failures.Count == 0) return;
        status.NotificationsFailed(failures);
        publish();
    }

    /// <summary>The decision, the expiry, or the warning before it; a branch watch counts only when it reports a failure.</summary>
    private static async Task<Task> FirstOfAsync(Task decision, Task timer, Task<bool> branchFailed, Task? expiring)
    {
        Task[] others = expiring is null ? [decision, timer] : [decision, timer, expiring];
        var winner = await Task.WhenAny([.. others, branchFailed]);
        if (winner != branchFailed || branchFailed.Result) return winner;
        return await Task.WhenAny(others);
    }

    public static string Describe(CheckpointRecord record) => record.Outcome switch
    {
        CheckpointOutcome.Expired => $"{record.Stage} expired at {record.At:O}",
        _ => $"{record.Stage} {record.Outcome.ToString().ToLowerInvariant()} by {record.By} at {record.At:O}" + (record.Comment is { Length: > 0 } c ? $": {c}" : ""),
    };

    /// <summary>For <c>checkpoint.decided</c>: every fact of the decision, who (and whether the platform vouched for the name), when, from where.</summary>
    public static string Announce(CheckpointRecord record) => record.Outcome switch
    {
        CheckpointOutcome.Expired => Describe(record),
        _ => $"{record.Stage} {record.Outcome.ToString().ToLowerInvariant()} by {record.By} ({(record.Verified ? "signed in" : "typed name, unverified")}) at {record.At:O}"
            + (record.Source is { } source ? $" from {source}" : "")
            + (record.ForwardedFor is { } claimed ? $" (X-Forwarded-For claims {claimed}, unverified)" : "")
            + (record.Comment is { Length: > 0 } c ? $": {c}" : ""),
    };

    private static CheckpointDecision Echo(CheckpointRecord record, DateTime expires, string? decisionId) => new(
        record.Outcome switch
        {
            CheckpointOutcome.Approved => CheckpointVerdict.Approved,
            CheckpointOutcome.Rejected => CheckpointVerdict.Rejected,
            _ => CheckpointVerdict.Expired,
        },
        record.By, record.At, record.Comment, expires, decisionId, record.Verified, record.Source, record.ForwardedFor);

    private static CheckpointRecord Decided(PlannedStage stage, string env, string eventName, ApprovalEvent e, DateTime now) =>
        new(stage.Name, env, eventName, e.Decision == ApprovalDecision.Approve ? CheckpointOutcome.Approved : CheckpointOutcome.Rejected, e.By, e.At ?? now, e.Comment,
            e.Verified, e.Source, e.ForwardedFor);

    /// <summary>Best effort: a lost notification must not fail the region; the open gate is still in the status. Always recorded.</summary>
    private static Task<IReadOnlyList<NotificationFailure>> NotifyWaitingAsync(TaskOrchestrationContext context, RegionPipelineInput input, PlannedStage stage, string eventName, DateTime expires) =>
        RunNotices.SendAsync(context, new RunNotification("checkpoint.waiting", input.RunId, input.App, input.Work.Region, stage.Env, stage.Name, context.InstanceId, eventName, expires,
            input.Options.Notifications, input.Options.DryRun), input.Options, always: true);

    /// <summary><c>checkpoint.decided</c>: who decided what and when (or that the gate expired), to the targets that ask for it.</summary>
    private static Task<IReadOnlyList<NotificationFailure>> NotifyDecidedAsync(
        TaskOrchestrationContext context, RegionPipelineInput input, PlannedStage stage, string eventName, CheckpointRecord record, CheckpointDecision decided) =>
        RunNotices.SendAsync(context, new RunNotification("checkpoint.decided", input.RunId, input.App, input.Work.Region, stage.Env, stage.Name, context.InstanceId, eventName, null,
            input.Options.Notifications, input.Options.DryRun, Announce(record), Decided: decided), input.Options);
}
