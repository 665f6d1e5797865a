using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed record StartDeployInput(StageRequest Stage, string? ImageId);

/// <summary>Starts the deploy and returns at once with a handle; waiting for health is the orchestration's job.</summary>
public sealed class StartDeployActivity(IDeployer deployer, LiveExecutionGuard guard) : TaskActivity<StartDeployInput, DeployHandle>
{
    public override Task<DeployHandle> RunAsync(TaskActivityContext context, StartDeployInput input)
    {
        guard.Ensure(deployer, input.Stage, "deploy");
        return deployer.StartAsync(input.Stage, input.ImageId, CancellationToken.None);
    }
}
