using Foremast.Core.Plan;

namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>
/// The one table from stage kind (and, where it matters, pipeline type) to the handler that runs it, as orca maps a
/// stage type to its builder. A kind missing here is a stage the engine cannot run: the region fails on it clearly.
/// </summary>
public static class StageTable
{
    /// <summary>Null pipeline type: the handler for every type without an entry of its own.</summary>
    private static readonly Dictionary<(StageKind Kind, string? PipelineType), IStageHandler> Handlers = new()
    {
        [(StageKind.Bake, null)] = new BakeHandler(),
        [(StageKind.Checkpoint, null)] = new CheckpointHandler(),
        [(StageKind.PrePromoteCheckpoint, null)] = new CheckpointHandler(),
        [(StageKind.Infrastructure, null)] = new InfrastructureHandler(),
        [(StageKind.Deploy, null)] = new DeployHandler(),
        [(StageKind.ScalingPolicy, null)] = new ScalingPolicyHandler(),
        [(StageKind.Webhook, null)] = new WebhookHandler(),

        // Only the S3 type plans a promote (canary and red/black strategies).
        [(StageKind.Promote, "s3")] = new PromoteHandler(),
    };

    public static IStageHandler? Find(StageKind kind, string pipelineType) =>
        Handlers.GetValueOrDefault((kind, pipelineType)) ?? Handlers.GetValueOrDefault((kind, null));
}
