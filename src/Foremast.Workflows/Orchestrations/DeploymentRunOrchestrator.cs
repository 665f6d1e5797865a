using System.Text.Json.Serialization;
using Foremast.Core.Config;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Status;
using Foremast.Workflows.Telemetry;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations;

/// <param name="Snapshot">The pinned config: the run never re-reads the runway files (Foremast issue #233).</param>
/// <param name="CommitAuthor">Who made the deployed commit, when the trigger said (promote_restrict masters-only refuses their approval).</param>
/// <param name="Rerun">For an attempt started by <c>POST /api/runs/{id}/rerun</c>: who asked, when and from where; null for a first run.</param>
public sealed record DeploymentRunInput(string RunId, ConfigSnapshot Snapshot, ArtifactRef Artifact, RunOptions? Options = null, string? CommitAuthor = null, RerunRequest? Rerun = null);

[JsonConverter(typeof(JsonStringEnumConverter<RunOutcome>))]
public enum RunOutcome
{
    Succeeded,
    Failed,
    Stopped,
}

public sealed record DeploymentRunResult(string RunId, string App, RunOutcome Outcome, IReadOnlyList<RegionResult> Regions, string? Error = null);

/// <summary>
/// A run: the Configuration stage (validate the snapshot, compute the plan), then one region pipeline per region in parallel.
/// Its custom status is a <see cref="RunStatus"/>; each region's live status is on its own instance.
/// </summary>
public sealed class DeploymentRunOrchestrator : TaskOrchestrator<DeploymentRunInput, DeploymentRunResult>
{
    public override async Task<DeploymentRunResult> RunAsync(TaskOrchestrationContext context, DeploymentRunInput input)
    {
        var options = input.Options ?? new RunOptions();
        var status = new RunStatus(input.RunId, input.Snapshot.App, RunState.Configuring, context.CurrentUtcDateTime, null, [], Rerun: input.Rerun);
        context.SetCustomStatus(status);
        RunTelemetry.RunStarted(context, input.Snapshot.App);

        DeploymentPlan plan;
        try
        {
            plan = await context.CallActivityAsync<DeploymentPlan>(nameof(ConfigurationActivity), input.Snapshot);
            var pipelines = await context.CallActivityAsync<IReadOnlyList<GeneratedPipelineSummary>>(
                nameof(GeneratePipelinesActivity), new GeneratePipelinesInput(input.RunId, input.Snapshot, options.DryRun));
            status = status with { Pipelines = pipelines };
        }
        catch (TaskFailedException ex)
        {
            var error = $"Configuration: {ex.FailureDetails.ErrorMessage}";
            status = status with { State = RunState.Failed, EndedAt = context.CurrentUtcDateTime, Error = error };
            context.SetCustomStatus(status);
            await SendAsync(context, status, RunNotices.ForRun("pipeline.failed", input.RunId, input.Snapshot.App, context.InstanceId, options, error), options);
            RunTelemetry.RunEnded(context, input.RunId, input.Snapshot.App, RunOutcome.Failed, status.StartedAt, error);
            return new DeploymentRunResult(input.RunId, input.Snapshot.App, RunOutcome.Failed, [], error);
        }

        var regions = plan.Regions.ToDictionary(
            r => r.Region,
            r => new RegionStatusTracker(r.Region, RegionPipelineOrchestrator.InstanceId(input.RunId, r.Region), r.Stages.Select(s => s.Stage)).Snapshot(),
            StringComparer.Ordinal);
        status = status with { State = RunState.Running, Regions = regions.Values.ToList() };
        context.SetCustomStatus(status);
        status = await SendAsync(context, status, RunNotices.ForRun("pipeline.starting", input.RunId, plan.App, context.InstanceId, options), options);

        var pending = plan.Regions.Select(r => RunRegionAsync(context, new RegionPipelineInput(input.RunId, plan.App, r, input.Artifact, options, plan.PipelineType, StageScope.Of(input.Snapshot)))).ToList();
        var results = new Dictionary<string, RegionResult>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            var result = await done;
            results[result.Region] = result;
            regions[result.Region] = result.Status;
            status = status with { Regions = plan.Regions.Select(r => regions[r.Region]).ToList() };
            context.SetCustomStatus(status);
        }

        var ordered = plan.Regions.Select(r => results[r.Region]).ToList();
        var outcome = ordered.Any(r => r.Outcome == RegionOutcome.Failed) ? RunOutcome.Failed
            : ordered.Any(r => r.Outcome == RegionOutcome.Stopped) ? RunOutcome.Stopped
            : RunOutcome.Succeeded;
        status = status with { State = ToState(outcome), EndedAt = context.CurrentUtcDateTime };
        context.SetCustomStatus(status);
        // Spinnaker's pipeline.failed covers a stopped run too: nothing was promoted past the stop.
        var ended = outcome == RunOutcome.Succeeded ? "pipeline.complete" : "pipeline.failed";
        var detail = outcome == RunOutcome.Succeeded ? null : string.Join("; ", ordered.Where(r => r.Outcome != RegionOutcome.Succeeded).Select(r => $"{r.Region}: {r.Outcome.ToString().ToLowerInvariant()}"));
        await SendAsync(context, status, RunNotices.ForRun(ended, input.RunId, plan.App, context.InstanceId, options, detail), options);
        RunTelemetry.RunEnded(context, input.RunId, plan.App, outcome, status.StartedAt, detail);
        return new DeploymentRunResult(input.RunId, plan.App, outcome, ordered);
    }

    /// <summary>Sends a run notification; one that still fails is added to the run's status, and the run goes on.</summary>
    private static async Task<RunStatus> SendAsync(TaskOrchestrationContext context, RunStatus status, Activities.Interfaces.RunNotification notification, RunOptions options)
    {
        var failures = await RunNotices.SendAsync(context, notification, options);
        if (failures.Count == 0) return status;
        status = status.WithNotificationFailures(failures);
        context.SetCustomStatus(status);
        return status;
    }

    private static RunState ToState(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Failed => RunState.Failed,
        RunOutcome.Stopped => RunState.Stopped,
        _ => RunState.Succeeded,
    };

    /// <summary>A region orchestration that crashes (a bug, not a stage failure) still becomes a Failed region, so other regions are unaffected.</summary>
    private static async Task<RegionResult> RunRegionAsync(TaskOrchestrationContext context, RegionPipelineInput input)
    {
        var instanceId = RegionPipelineOrchestrator.InstanceId(input.RunId, input.Work.Region);
        try
        {
            return await context.CallSubOrchestratorAsync<RegionResult>(nameof(RegionPipelineOrchestrator), input, new SubOrchestrationOptions(instanceId: instanceId));
        }
        catch (TaskFailedException ex)
        {
            var error = ex.FailureDetails.ErrorMessage;
            var status = new RegionStatus(input.Work.Region, instanceId, RegionState.Failed, null, [], null, error);
            return new RegionResult(input.Work.Region, RegionOutcome.Failed, null, error, null, [], status);
        }
    }
}
