namespace Foremast.Core.Plan;

/// <summary>One stage of a region pipeline, numbered as Spinnaker would number it.</summary>
/// <param name="Timeout">The definition's timeout, or the env's <c>approval_timeout</c> for checkpoints.</param>
/// <param name="WebhookIndex">For webhook stages, the index into the env's <c>completion_webhooks</c>.</param>
public sealed record PlannedStage(
    string RefId,
    IReadOnlyList<string> RequisiteRefIds,
    StageKind Kind,
    string Name,
    string? Env,
    bool IsBranch,
    TimeSpan Timeout,
    StageDefinition Definition,
    int? WebhookIndex = null);

/// <summary>One env inside a region pipeline.</summary>
/// <param name="Template">The per-env block template (<c>pipeline/pipeline_stages.json.sbn</c>, <c>pipeline/pipeline_prod_lambda.json.sbn</c>, …).</param>
/// <param name="ApprovalSkip">The verified skip: the app asked for it and the admin config allows it for this env.</param>
public sealed record EnvBlock(string Env, string? PreviousEnv, bool ApprovalSkip, bool HasCheckpoint, string Template);

public sealed record RegionPlan(string Region, string PipelineName, IReadOnlyList<EnvBlock> Envs, IReadOnlyList<PlannedStage> Stages)
{
    /// <summary>The mainline stages, in order.</summary>
    public IEnumerable<PlannedStage> Mainline => Stages.Where(s => !s.IsBranch);

    /// <summary>Branch stages hanging off the given mainline stage.</summary>
    public IEnumerable<PlannedStage> BranchesOf(PlannedStage stage) => Stages.Where(s => s.IsBranch && s.RequisiteRefIds.Contains(stage.RefId));
}

/// <summary>The whole deployment: one pipeline per region, each with its envs in <c>pipeline.json</c> order.</summary>
/// <param name="OnetimeEnv">Set for onetime pipelines: only that env, no checkpoint before it unless it is prod-like.</param>
public sealed record StagePlan(string App, string PipelineType, bool IsManual, IReadOnlyList<RegionPlan> Regions, string? OnetimeEnv = null);
