using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

/// <summary>Calls one completion webhook; returns the HTTP status code.</summary>
public sealed class CallWebhookActivity(IWebhookCaller caller, LiveExecutionGuard guard) : TaskActivity<StageRequest, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, StageRequest request)
    {
        guard.Ensure(caller, request, "completion webhooks");
        return caller.CallAsync(request, CancellationToken.None);
    }
}
