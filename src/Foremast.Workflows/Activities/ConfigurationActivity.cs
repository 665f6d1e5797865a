using System.Text.Json;
using Foremast.Core.Config;
using Foremast.Core.Plan;
using Foremast.Core.Validation;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

/// <summary>One stage of a region with the config slice its executor needs.</summary>
public sealed record StageWork(PlannedStage Stage, JsonElement Settings);

public sealed record RegionWork(string Region, string PipelineName, IReadOnlyList<EnvBlock> Envs, IReadOnlyList<StageWork> Stages);

/// <summary>The plan of a run, as data: the orchestrations follow it and never recompute it.</summary>
public sealed record DeploymentPlan(string App, string PipelineType, bool IsManual, IReadOnlyList<RegionWork> Regions);

/// <summary>
/// The Configuration stage: re-validates the pinned snapshot (it came through a queue, maybe from an older version)
/// and computes the stage plan. Planning lives in an activity so orchestrator code never runs config logic on replay.
/// </summary>
public sealed class ConfigurationActivity : TaskActivity<ConfigSnapshot, DeploymentPlan>
{
    public override Task<DeploymentPlan> RunAsync(TaskActivityContext context, ConfigSnapshot snapshot)
    {
        var diagnostics = SnapshotChecks.Check(snapshot);
        if (diagnostics.Any(d => d.Severity == Severity.Error)) throw new ConfigValidationException(diagnostics);

        var plan = StagePlanner.Plan(snapshot);
        var regions = plan.Regions
            .Select(r => new RegionWork(r.Region, r.PipelineName, r.Envs, r.Stages.Select(s => new StageWork(s, SettingsOf(snapshot, s, r.Region))).ToList()))
            .ToList();
        return Task.FromResult(new DeploymentPlan(plan.App, plan.PipelineType, plan.IsManual, regions));
    }

    private static JsonElement SettingsOf(ConfigSnapshot snapshot, PlannedStage stage, string region)
    {
        if (stage.Env is null) return snapshot.Pipeline;
        var settings = snapshot.SettingsFor(stage.Env, region);
        return stage.WebhookIndex is { } index ? settings.GetProperty("completion_webhooks")[index] : settings;
    }
}
