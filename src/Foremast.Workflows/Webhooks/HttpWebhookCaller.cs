using System.Net.Http.Headers;
using System.Text;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;

namespace Foremast.Workflows.Webhooks;

/// <summary>
/// The live completion-webhook caller, a typed <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> whose
/// standard resilience handler retries 5xx, 408, 429, timeouts and dropped connections. A dry run sends nothing: it
/// records what it would send, as the recording executors do. A 4xx, or a 5xx that outlasted the retries, fails the stage.
/// </summary>
public sealed class HttpWebhookCaller(HttpClient http, IActionRecorder recorder) : IWebhookCaller
{
    /// <summary>Lets a receiver recognise a repeated delivery: an activity runs at least once, so a call may repeat.</summary>
    public const string DeliveryHeader = "X-Foremast-Delivery";

    public async Task<WebhookResult> CallAsync(StageRequest request, CancellationToken cancellationToken)
    {
        var hook = StageSettings.Read<WebhookSettings>(request.Settings);
        var method = hook.EffectiveMethod;
        if (request.DryRun)
        {
            recorder.Record(request, "webhook", $"{method} {hook.Url} (dry run: not sent)");
            return new WebhookResult(null, $"would call {method} {hook.Url} (dry run: not sent)");
        }

        using var message = new HttpRequestMessage(new HttpMethod(method), hook.Url);
        message.Headers.TryAddWithoutValidation(DeliveryHeader, $"{request.RunId}/{request.Region}/{request.RefId}");
        foreach (var (name, value) in hook.CustomHeaders ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (hook.Payload is { } payload && method is not ("GET" or "HEAD"))
        {
            message.Content = new StringContent(payload.GetRawText(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await http.SendAsync(message, cancellationToken);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {hook.Url} answered {status} {response.ReasonPhrase}".TrimEnd(), null, response.StatusCode);
        }

        return new WebhookResult(status, $"called {method} {hook.Url}: {status}");
    }
}
