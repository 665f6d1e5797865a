using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Deploy;

/// <summary>
/// <see cref="IDeployer"/> over <see cref="Ec2Deployer"/> for the engine's activities. <paramref name="contextFor"/> builds the stage's
/// <see cref="AwsStageContext"/> (pinned snapshot, env, region, run id, dry run) from the request.
/// </summary>
public sealed class AwsDeployer(Ec2Deployer deployer, Func<StageRequest, AwsStageContext> contextFor) : IDeployer
{
    public async Task<DeployHandle> StartAsync(StageRequest request, string? imageId, CancellationToken cancellationToken) =>
        (await deployer.StartAsync(contextFor(request), imageId, cancellationToken).ConfigureAwait(false)).Handle;

    /// <summary>The account is the state: the probe number plays no part.</summary>
    public Task<DeployHealth> CheckHealthAsync(StageRequest request, DeployHandle handle, int probe, CancellationToken cancellationToken) =>
        deployer.CheckHealthAsync(contextFor(request), handle, cancellationToken);

    /// <summary>The rollback activity the deploy orchestration calls when the group failed or missed the stage deadline.</summary>
    public async Task<string> RollbackAsync(StageRequest request, DeployHandle handle, string reason, CancellationToken cancellationToken) =>
        (await deployer.RollbackAsync(contextFor(request), handle, reason, cancellationToken).ConfigureAwait(false)).Message;
}
