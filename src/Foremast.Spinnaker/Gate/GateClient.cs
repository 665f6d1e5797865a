using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Timeout;

namespace Foremast.Spinnaker.Gate;

/// <summary>
/// Typed client for the Gate endpoints Foremast uses. Every call goes through the resilience pipeline; a 4xx (or a
/// 5xx that outlasted the retries) becomes a <see cref="GateException"/> carrying Gate's message.
/// </summary>
public sealed class GateClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _resilience;
    private readonly string _baseUrl;
    private readonly bool _ownsHttp;

    /// <param name="ownsHttpClient">Dispose <paramref name="http"/> with this client (true when the factory built it).</param>
    public GateClient(HttpClient http, GateOptions options, ResiliencePipeline<HttpResponseMessage>? resilience = null, bool ownsHttpClient = false)
    {
        _http = http;
        _ownsHttp = ownsHttpClient;
        Options = options;
        _resilience = resilience ?? GateResilience.Create(options);
        _baseUrl = options.BaseUrl.ToString().TrimEnd('/');
    }

    public GateOptions Options { get; }

    /// <summary>The application, or null when Gate answers 404 (it does not exist yet).</summary>
    public async Task<JsonObject?> GetApplicationAsync(string app, CancellationToken cancellationToken = default)
    {
        var path = $"/applications/{Uri.EscapeDataString(app)}";
        return await SendAsync(HttpMethod.Get, path, null, allowNotFound: true, cancellationToken) as JsonObject;
    }

    public async Task<IReadOnlyList<JsonObject>> GetPipelineConfigsAsync(string app, CancellationToken cancellationToken = default)
    {
        var path = $"/applications/{Uri.EscapeDataString(app)}/pipelineConfigs";
        var body = await SendAsync(HttpMethod.Get, path, null, allowNotFound: false, cancellationToken);
        return body is JsonArray list ? list.OfType<JsonObject>().ToList() : [];
    }

    /// <summary>
    /// <c>POST /pipelines</c>. Gate saves synchronously and answers 200 with no body; a rejected pipeline is a 400
    /// whose message is front50's reason (for example a duplicate name without the existing id).
    /// </summary>
    public async Task SavePipelineAsync(JsonObject pipeline, CancellationToken cancellationToken = default) =>
        await SendAsync(HttpMethod.Post, "/pipelines", pipeline, allowNotFound: false, cancellationToken);

    public async Task DeletePipelineAsync(string app, string name, CancellationToken cancellationToken = default) =>
        await SendAsync(HttpMethod.Delete, $"/pipelines/{Uri.EscapeDataString(app)}/{Uri.EscapeDataString(name)}", null, allowNotFound: false, cancellationToken);

    /// <summary>Submits an orca task (<c>POST /tasks</c>) and returns its id, taken from <c>{"ref": "/tasks/{id}"}</c>.</summary>
    public async Task<string> SubmitTaskAsync(JsonObject task, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(HttpMethod.Post, "/tasks", task, allowNotFound: false, cancellationToken);
        var reference = (body as JsonObject)?["ref"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(reference)) throw new GateException($"Gate POST /tasks answered without a task ref: {body?.ToJsonString() ?? "(empty)"}");
        return reference.TrimEnd('/').Split('/')[^1];
    }

    public async Task<GateTask> GetTaskAsync(string id, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(HttpMethod.Get, $"/tasks/{Uri.EscapeDataString(id)}", null, allowNotFound: false, cancellationToken) as JsonObject ?? [];
        var status = body["status"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "UNKNOWN";
        return new GateTask(id, status, body);
    }

    /// <summary>Polls until the task succeeds; throws on a failed state, and an inconclusive error on timeout.</summary>
    public async Task<GateTask> WaitForTaskAsync(string id, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? Options.TaskTimeout;
        var started = TimeProvider.System.GetTimestamp();
        for (var poll = 0; ; poll++)
        {
            var task = await GetTaskAsync(id, cancellationToken);
            if (task.Succeeded) return task;
            if (task.Failed) throw new GateTaskFailedException(id, task.Status, task.FailureMessage());

            var delay = PollDelay(poll);
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            if (elapsed + delay > limit) throw new GateTaskTimeoutException(id, task.Status, elapsed);
            await Task.Delay(delay, cancellationToken);
        }
    }

    /// <summary>
    /// Quick first polls (most upserts finish in a second or two), doubling up to <see cref="GateOptions.TaskPollInterval"/>,
    /// instead of Foremast's flat 2 s.
    /// </summary>
    private TimeSpan PollDelay(int poll)
    {
        var quick = TimeSpan.FromMilliseconds(250 * Math.Pow(2, Math.Min(poll, 10)));
        return quick < Options.TaskPollInterval ? quick : Options.TaskPollInterval;
    }

    /// <summary>Submits a task and waits for it (Foremast's <c>wait_for_task</c>).</summary>
    public async Task<GateTask> RunTaskAsync(JsonObject task, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var id = await SubmitTaskAsync(task, cancellationToken);
        return await WaitForTaskAsync(id, timeout, cancellationToken);
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, bool allowNotFound, CancellationToken cancellationToken)
    {
        var payload = body?.ToJsonString();
        HttpResponseMessage response;
        try
        {
            response = await _resilience.ExecuteAsync(
                async token =>
                {
                    // A request message can be sent only once, so each attempt builds its own.
                    using var request = new HttpRequestMessage(method, _baseUrl + path);
                    if (Options.BearerToken is { Length: > 0 } bearer) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    if (payload is not null) request.Content = new StringContent(payload, Encoding.UTF8, Json);
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                },
                cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            throw new GateException($"Gate {method} {path} did not answer within {Options.Timeout.TotalSeconds:0.#} s ({Options.MaxRetries + 1} attempts)", method: method.Method, path: path, inner: e);
        }
        catch (HttpRequestException e) when (GateResilience.IsTlsFailure(e))
        {
            throw new GateException(
                $"Gate {method} {path}: TLS verification of {Options.BaseUrl.Host} failed ({Innermost(e).Message}); pass the CA bundle that signed Gate's certificate",
                method: method.Method, path: path, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new GateException($"Gate {method} {path}: could not reach {_baseUrl} ({Innermost(e).Message})", method: method.Method, path: path, inner: e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode) throw GateException.FromResponse(method, path, response.StatusCode, GateErrorBody.Message(text));
            if (string.IsNullOrWhiteSpace(text)) return null;
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                throw new GateException($"Gate {method} {path} answered {(int)response.StatusCode} with a body that is not JSON: {GateErrorBody.Message(text)}", response.StatusCode, method.Method, path, inner: e);
            }
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
