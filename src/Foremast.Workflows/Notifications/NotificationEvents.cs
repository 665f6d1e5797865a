namespace Foremast.Workflows.Notifications;

/// <summary>The events a notification target can ask for: Spinnaker's three and the checkpoint's own.</summary>
public static class NotificationEvents
{
    public const string PipelineStarting = "pipeline.starting";
    public const string PipelineComplete = "pipeline.complete";
    public const string PipelineFailed = "pipeline.failed";
    public const string CheckpointWaiting = "checkpoint.waiting";
    public const string CheckpointDecided = "checkpoint.decided";
    public const string CheckpointExpiring = "checkpoint.expiring";

    public static readonly IReadOnlyList<string> All = [PipelineStarting, PipelineComplete, PipelineFailed, CheckpointWaiting, CheckpointDecided, CheckpointExpiring];

    /// <summary>The types this engine sends; <c>pubsub</c>, <c>bearychat</c> and the like stay in the generated pipelines only.</summary>
    public static IReadOnlyList<string> DeliveredTypes => Foremast.Core.Validation.RunwayValidator.DeliveredNotificationTypes;
}
