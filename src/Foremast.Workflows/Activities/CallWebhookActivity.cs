using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

/// <summary>Calls one completion webhook; returns the HTTP status code.</summary>
public sealed class CallWebhookActivity(IWebhookCaller caller) : TaskActivity<StageRequest, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, StageRequest request) =>
        caller.CallAsync(request, CancellationToken.None);
}
