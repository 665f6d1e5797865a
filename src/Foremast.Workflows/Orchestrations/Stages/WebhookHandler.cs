using Foremast.Workflows.Activities;

namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>One completion webhook.</summary>
internal sealed class WebhookHandler : IStageHandler
{
    public async Task<StageOutput> RunAsync(StageExecution x)
    {
        await x.WithinTimeout(x.Context.CallActivityAsync<int>(nameof(CallWebhookActivity), x.Request, x.Retry));
        return StageOutput.None;
    }
}
