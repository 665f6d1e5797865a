using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

/// <param name="Probe">Which probe of the deploy this is (1 for the first); kept by the orchestration, so it survives a restart.</param>
public sealed record CheckDeployHealthInput(StageRequest Stage, DeployHandle Handle, int Probe = 1);

/// <summary>One short health probe. It never sleeps: the orchestration polls it between durable timers.</summary>
public sealed class CheckDeployHealthActivity(IDeployer deployer) : TaskActivity<CheckDeployHealthInput, DeployHealth>
{
    public override Task<DeployHealth> RunAsync(TaskActivityContext context, CheckDeployHealthInput input) =>
        deployer.CheckHealthAsync(input.Stage, input.Handle, input.Probe, CancellationToken.None);
}
