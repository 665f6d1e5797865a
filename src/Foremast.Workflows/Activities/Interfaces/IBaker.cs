using System.Text.Json.Serialization;

namespace Foremast.Workflows.Activities.Interfaces;

[JsonConverter(typeof(JsonStringEnumConverter<BakeState>))]
public enum BakeState
{
    /// <summary>The builder is installing or the image is being written: ask again after a durable timer.</summary>
    Pending,

    /// <summary>The image is ready (or, in a dry run, would be baked): <see cref="BakeStep.ImageId"/> names it.</summary>
    Done,

    /// <summary>The bake cannot finish: stop polling, fail the stage with <see cref="BakeStep.Detail"/>.</summary>
    Failed,
}

/// <summary>Where a bake stands after one short step.</summary>
public sealed record BakeStep(BakeState State, string? ImageId, string Detail);

/// <summary>
/// Bakes the artifact into a machine image for one region, one short step per call: the orchestration calls again between
/// durable timers until the step says <see cref="BakeState.Done"/>, so no activity ever waits for an instance or an image.
/// Each call starts from what the account shows, so a repeated call continues the bake instead of starting another.
/// </summary>
public interface IBaker
{
    Task<BakeStep> AdvanceAsync(StageRequest request, CancellationToken cancellationToken);
}
