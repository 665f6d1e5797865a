using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed class PromoteS3Activity(IS3Promoter promoter, LiveExecutionGuard guard) : TaskActivity<StageRequest, S3Promotion>
{
    public override Task<S3Promotion> RunAsync(TaskActivityContext context, StageRequest request)
    {
        guard.Ensure(promoter, request, "S3 promote");
        return promoter.PromoteAsync(request, CancellationToken.None);
    }
}
