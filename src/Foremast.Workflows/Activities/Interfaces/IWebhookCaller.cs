namespace Foremast.Workflows.Activities.Interfaces;

/// <summary>Calls one <c>completion_webhooks</c> entry (its url, method and payload are the request's settings).</summary>
public interface IWebhookCaller
{
    Task<int> CallAsync(StageRequest request, CancellationToken cancellationToken);
}
