namespace Foremast.Core.Plan;

/// <summary>The stage definitions for each pipeline type (Foremast reference §8.3–8.4).</summary>
public static class StageCatalog
{
    private static readonly TimeSpan BakeTimeout = TimeSpan.FromMilliseconds(900_000);

    public static readonly StageDefinition Bake = new(StageKind.Bake, "Bake [{region}]", "Bake", "pipeline/stage-bake.json.sbn", BakeTimeout, RetrySpec.Transient(2), FailureAction.FailRegion);

    public static readonly StageDefinition Checkpoint = new(StageKind.Checkpoint, "Checkpoint {env}", "Checkpoint", "pipeline/stage-judgement-nonprod.json.sbn", TimeSpan.FromHours(72), RetrySpec.None, FailureAction.StopRegion);

    public static readonly StageDefinition ScalingPolicy = new(StageKind.ScalingPolicy, "Attach Scaling Policy [{env}]", "AttachScalingPolicy", "pipeline/stage-scaling-policy.json.sbn", TimeSpan.FromMinutes(10), RetrySpec.Transient(), FailureAction.FailRegion, IsBranch: true);

    public static readonly StageDefinition Webhook = new(StageKind.Webhook, "{ENV}: {name}", "CallWebhook", "pipeline/stage-completion-webhooks.json.sbn", TimeSpan.FromMinutes(5), RetrySpec.Transient(), FailureAction.FailRegion, IsBranch: true);

    /// <summary>The per-type stages of one env block, in order (checkpoint, scaling and webhooks are added by the planner's rules).</summary>
    public static IReadOnlyList<StageDefinition> EnvStages(string type, bool isEc2Type) => type switch
    {
        "lambda" => [Infrastructure("Infrastructure Setup Lambda [{env}]", "-lambda"), Deploy("Deploy Lambda [{env}]", "pipeline/stage-deploy-lambda.json.sbn")],
        "s3" => [Infrastructure("Infrastructure Setup S3 [{env}]", "-s3"), Deploy("Deploy S3 [{env}]", "pipeline/stage-deploy-s3.json.sbn")],
        "datapipeline" => [Infrastructure("Setup Data Pipeline [{env}]", "-datapipeline")],
        "stepfunction" => [Infrastructure("Setup Step Function [{env}]", "-stepfunction")],
        "cloudfunction" => [Infrastructure("Infrastructure Setup [{env}]", ""), Deploy("Deploy Cloud Function [{env}]", "pipeline/stage-deploy-cloudfunction.json.sbn")],
        _ => [Infrastructure("Infrastructure Setup [{env}]", ""), Deploy("Deploy {env}", "pipeline/stage-deploy.json.sbn")],
    };

    /// <summary>S3 canary and red/black strategies promote after a second judgment.</summary>
    public static IReadOnlyList<StageDefinition> PromoteStages(bool prod) =>
    [
        new(StageKind.PrePromoteCheckpoint, "Pre-Promote Checkpoint {env}", "Checkpoint", prod ? "pipeline/stage-judgement-promote-s3-prod.json.sbn" : "pipeline/stage-judgement-promote-s3-nonprod.json.sbn", TimeSpan.FromHours(72), RetrySpec.None, FailureAction.StopRegion),
        new(StageKind.Promote, "Promote S3 [{env}]", "Promote", "pipeline/stage-promote-s3.json.sbn", TimeSpan.FromMinutes(30), RetrySpec.Transient(), FailureAction.FailRegion),
    ];

    /// <summary>Types whose pipelines start with a bake (everything but the serverless and GCP types).</summary>
    public static bool HasBake(string type) => type is not ("lambda" or "s3" or "datapipeline" or "stepfunction" or "cloudfunction");

    private static StageDefinition Infrastructure(string name, string suffix) =>
        new(StageKind.Infrastructure, name, "InfrastructureSetup", $"pipeline/stage-infrastructure-setup{suffix}.json.sbn", TimeSpan.FromMinutes(30), RetrySpec.Transient(), FailureAction.FailRegion);

    private static StageDefinition Deploy(string name, string template) =>
        new(StageKind.Deploy, name, "Deploy", template, TimeSpan.FromHours(1), RetrySpec.Transient(2), FailureAction.FailRegion);
}
