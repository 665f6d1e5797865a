using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed class InfrastructureSetupActivity(IInfrastructure infrastructure) : TaskActivity<StageRequest, InfrastructureReport>
{
    public override Task<InfrastructureReport> RunAsync(TaskActivityContext context, StageRequest request) =>
        infrastructure.SetUpAsync(request, CancellationToken.None);
}
