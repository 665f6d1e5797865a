using Foremast.Core.Plan;
using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Telemetry;

/// <summary>
/// Metrics and spans from orchestration code. Orchestrations replay, so each is recorded only when the code runs for the
/// first time (<see cref="TaskOrchestrationContext.IsReplaying"/> false), with durations in orchestration time.
/// </summary>
internal static class RunTelemetry
{
    public static void RunStarted(TaskOrchestrationContext context, string app)
    {
        if (context.IsReplaying) return;
        ForemastTelemetry.RunsStarted.Add(1, new KeyValuePair<string, object?>(ForemastTelemetry.AppTag, app));
    }

    public static void RunEnded(TaskOrchestrationContext context, string runId, string app, RunOutcome outcome, DateTime startedUtc, string? error)
    {
        if (context.IsReplaying) return;
        var now = context.CurrentUtcDateTime;
        var appTag = new KeyValuePair<string, object?>(ForemastTelemetry.AppTag, app);
        var outcomeTag = new KeyValuePair<string, object?>(ForemastTelemetry.OutcomeTag, Lower(outcome));
        if (outcome == RunOutcome.Failed) ForemastTelemetry.RunsFailed.Add(1, appTag);
        else ForemastTelemetry.RunsCompleted.Add(1, appTag, outcomeTag);
        ForemastTelemetry.RunDuration.Record((now - startedUtc).TotalSeconds, appTag, outcomeTag);
        RunTrace.Record($"run {app}", runId, startedUtc, now,
            [new(ForemastTelemetry.RunIdTag, runId), appTag, outcomeTag], outcome == RunOutcome.Failed ? error ?? "failed" : null);
    }

    public static void StageEnded(TaskOrchestrationContext context, RegionPipelineInput input, PlannedStage stage, DateTime startedUtc, string state, string? error)
    {
        if (context.IsReplaying) return;
        var now = context.CurrentUtcDateTime;
        var kind = stage.Kind.ToString();
        ForemastTelemetry.StageDuration.Record((now - startedUtc).TotalSeconds,
            new(ForemastTelemetry.StageKindTag, kind),
            new(ForemastTelemetry.RegionTag, input.Work.Region),
            new(ForemastTelemetry.EnvTag, stage.Env ?? ""),
            new(ForemastTelemetry.OutcomeTag, state));
        RunTrace.Record($"stage {stage.Name}", input.RunId, startedUtc, now,
        [
            new(ForemastTelemetry.RunIdTag, input.RunId), new(ForemastTelemetry.AppTag, input.App), new(ForemastTelemetry.RegionTag, input.Work.Region),
            new(ForemastTelemetry.EnvTag, stage.Env), new(ForemastTelemetry.StageTag, stage.Name), new(ForemastTelemetry.StageKindTag, kind),
            new(ForemastTelemetry.OutcomeTag, state),
        ], error);
    }

    public static void CheckpointClosed(TaskOrchestrationContext context, RegionPipelineInput input, PlannedStage stage, DateTime openedUtc, string outcome)
    {
        if (context.IsReplaying) return;
        var now = context.CurrentUtcDateTime;
        ForemastTelemetry.CheckpointWait.Record((now - openedUtc).TotalSeconds,
            new(ForemastTelemetry.RegionTag, input.Work.Region),
            new(ForemastTelemetry.EnvTag, stage.Env ?? ""),
            new(ForemastTelemetry.OutcomeTag, outcome));
        RunTrace.Record($"checkpoint {stage.Name}", input.RunId, openedUtc, now,
        [
            new(ForemastTelemetry.RunIdTag, input.RunId), new(ForemastTelemetry.RegionTag, input.Work.Region), new(ForemastTelemetry.EnvTag, stage.Env),
            new(ForemastTelemetry.StageTag, stage.Name), new(ForemastTelemetry.OutcomeTag, outcome),
        ], null);
    }

    private static string Lower(RunOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
