using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Scaling;

/// <summary><see cref="IScaling"/> over <see cref="ScalingPolicyAttacher"/>; <paramref name="contextFor"/> builds the stage's context from the request.</summary>
public sealed class AwsScaling(ScalingPolicyAttacher attacher, Func<StageRequest, AwsStageContext> contextFor) : IScaling
{
    public Task AttachAsync(StageRequest request, string? serverGroup, CancellationToken cancellationToken) =>
        attacher.AttachAsync(contextFor(request), serverGroup, cancellationToken);
}
