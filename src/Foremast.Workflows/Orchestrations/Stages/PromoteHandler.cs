using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>Promote S3: after the pre-promote gate, the deployed version becomes the one served.</summary>
internal sealed class PromoteHandler : IStageHandler
{
    public async Task<StageOutput> RunAsync(StageExecution x)
    {
        var promoted = await x.WithinTimeout(x.Context.CallActivityAsync<S3Promotion>(nameof(PromoteS3Activity), x.Request, x.Retry));
        return new StageOutput([promoted.Summary]);
    }
}
