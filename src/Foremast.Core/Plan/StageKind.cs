namespace Foremast.Core.Plan;

public enum StageKind
{
    Bake,
    Checkpoint,
    Infrastructure,
    Deploy,
    ScalingPolicy,
    Webhook,
    PrePromoteCheckpoint,
    Promote,
}

/// <summary>What a failed stage does to its region pipeline.</summary>
public enum FailureAction
{
    /// <summary>The region pipeline fails with the stage's error (Spinnaker <c>failPipeline: true</c>).</summary>
    FailRegion,

    /// <summary>The region pipeline stops without failing (Spinnaker <c>failPipeline: false</c>): rejected or expired checkpoints.</summary>
    StopRegion,
}
