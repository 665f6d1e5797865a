using Foremast.Aws.Bake;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using BakeState = Foremast.Workflows.Activities.Interfaces.BakeState;

namespace Foremast.Aws.Executors;

/// <summary><see cref="IBaker"/> over <see cref="AmiBaker"/>: one bake step per call.</summary>
public sealed class AwsBaker(AmiBaker baker) : IBaker
{
    public async Task<BakeStep> AdvanceAsync(StageRequest request, CancellationToken cancellationToken)
    {
        var progress = await baker.AdvanceAsync(AwsStageContext.From(request), request.Artifact, commit: null, cancellationToken).ConfigureAwait(false);
        var state = progress.State switch
        {
            Bake.BakeState.Available => BakeState.Done,
            Bake.BakeState.Failed => BakeState.Failed,
            _ => BakeState.Pending,
        };
        // A dry run may know no image id yet (nothing baked): later stages see a placeholder naming the version.
        var image = progress.ImageId ?? (state == BakeState.Done ? $"(image of {request.App} {request.Artifact.Version})" : null);
        return new BakeStep(state, image, progress.Detail);
    }
}
