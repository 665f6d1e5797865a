using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed record StartDeployInput(StageRequest Stage, string? ImageId);

/// <summary>Starts the deploy and returns at once with a handle; waiting for health is the orchestration's job.</summary>
public sealed class StartDeployActivity(IDeployer deployer) : TaskActivity<StartDeployInput, DeployHandle>
{
    public override Task<DeployHandle> RunAsync(TaskActivityContext context, StartDeployInput input) =>
        deployer.StartAsync(input.Stage, input.ImageId, CancellationToken.None);
}
