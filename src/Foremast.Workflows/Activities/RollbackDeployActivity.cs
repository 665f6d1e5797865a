using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed record RollbackDeployInput(StageRequest Stage, DeployHandle Handle, string Reason);

/// <summary>Removes a server group that never became healthy; the previous group keeps (or gets back) the traffic.</summary>
public sealed class RollbackDeployActivity(IDeployer deployer) : TaskActivity<RollbackDeployInput, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, RollbackDeployInput input) =>
        deployer.RollbackAsync(input.Stage, input.Handle, input.Reason, CancellationToken.None);
}
