namespace Foremast.Workflows.Activities.Interfaces;

/// <param name="StatusCode">The receiver's HTTP status; null when no call was made (dry run).</param>
/// <param name="Summary">One line for the stage's status, e.g. <c>POST https://hooks.example.com/deployed: 200</c>.</param>
public sealed record WebhookResult(int? StatusCode, string Summary);

/// <summary>
/// Calls one <c>completion_webhooks</c> entry (its url, method and payload are the request's settings). Honours
/// <see cref="StageRequest.DryRun"/>: a dry run sends nothing and says what it would have sent.
/// </summary>
public interface IWebhookCaller
{
    Task<WebhookResult> CallAsync(StageRequest request, CancellationToken cancellationToken);
}
