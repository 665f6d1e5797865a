using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>Infrastructure Setup.</summary>
internal sealed class InfrastructureHandler : IStageHandler
{
    public async Task<StageOutput> RunAsync(StageExecution x)
    {
        var report = await x.WithinTimeout(x.Context.CallActivityAsync<InfrastructureReport>(nameof(InfrastructureSetupActivity), x.Request, x.Retry));
        return new StageOutput(report.Resources);
    }
}
