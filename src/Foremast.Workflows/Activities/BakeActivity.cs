using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed class BakeActivity(IBaker baker) : TaskActivity<StageRequest, BakedImage>
{
    public override Task<BakedImage> RunAsync(TaskActivityContext context, StageRequest request) =>
        baker.BakeAsync(request, CancellationToken.None);
}
