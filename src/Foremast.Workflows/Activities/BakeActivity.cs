using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

/// <summary>One short step of a bake; the bake orchestration calls it again between durable timers while it is pending.</summary>
public sealed class BakeActivity(IBaker baker, LiveExecutionGuard guard) : TaskActivity<StageRequest, BakeStep>
{
    public override Task<BakeStep> RunAsync(TaskActivityContext context, StageRequest request)
    {
        guard.Ensure(baker, request, "bake");
        return baker.AdvanceAsync(request, CancellationToken.None);
    }
}
