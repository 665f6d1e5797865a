using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>Bake: the image later deploys of the region use.</summary>
internal sealed class BakeHandler : IStageHandler
{
    public async Task<StageOutput> RunAsync(StageExecution x)
    {
        var image = await x.WithinTimeout(x.Context.CallActivityAsync<BakedImage>(nameof(BakeActivity), x.Request, x.Retry));
        x.Memory.ImageId = image.ImageId;
        return new StageOutput([$"{(x.Request.DryRun ? "would bake" : "baked")} {image.ImageId}"]);
    }
}
