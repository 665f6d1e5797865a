using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed class BakeActivity(IBaker baker, LiveExecutionGuard guard) : TaskActivity<StageRequest, BakedImage>
{
    public override Task<BakedImage> RunAsync(TaskActivityContext context, StageRequest request)
    {
        guard.Ensure(baker, request, "bake");
        return baker.BakeAsync(request, CancellationToken.None);
    }
}
