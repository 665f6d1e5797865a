using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

/// <summary>Calls one completion webhook (or, in a dry run, says what it would send).</summary>
public sealed class CallWebhookActivity(IWebhookCaller caller, LiveExecutionGuard guard) : TaskActivity<StageRequest, WebhookResult>
{
    public override Task<WebhookResult> RunAsync(TaskActivityContext context, StageRequest request)
    {
        guard.Ensure(caller, request, "completion webhooks");
        return caller.CallAsync(request, CancellationToken.None);
    }
}
