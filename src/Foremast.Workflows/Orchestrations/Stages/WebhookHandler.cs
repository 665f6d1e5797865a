using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>One completion webhook; what was sent (or would have been) becomes the stage's status line.</summary>
internal sealed class WebhookHandler : IStageHandler
{
    public async Task<StageOutput> RunAsync(StageExecution x)
    {
        var result = await x.WithinTimeout(x.Context.CallActivityAsync<WebhookResult>(nameof(CallWebhookActivity), x.Request, x.Retry));
        return new StageOutput([result.Summary]);
    }
}
