using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed class InfrastructureSetupActivity(IInfrastructure infrastructure, LiveExecutionGuard guard) : TaskActivity<StageRequest, InfrastructureReport>
{
    public override Task<InfrastructureReport> RunAsync(TaskActivityContext context, StageRequest request)
    {
        guard.Ensure(infrastructure, request, "infrastructure");
        return infrastructure.SetUpAsync(request, CancellationToken.None);
    }
}
