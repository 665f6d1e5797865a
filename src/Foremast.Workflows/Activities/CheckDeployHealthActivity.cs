using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed record CheckDeployHealthInput(StageRequest Stage, DeployHandle Handle);

/// <summary>One short health probe. It never sleeps: the orchestration polls it between durable timers.</summary>
public sealed class CheckDeployHealthActivity(IDeployer deployer) : TaskActivity<CheckDeployHealthInput, DeployHealth>
{
    public override Task<DeployHealth> RunAsync(TaskActivityContext context, CheckDeployHealthInput input) =>
        deployer.CheckHealthAsync(input.Stage, input.Handle, CancellationToken.None);
}
