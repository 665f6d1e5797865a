using System.Net;
using System.Net.Http.Json;
using Foremast.Api;
using Foremast.Api.Runs;

namespace Foremast.Cli.Run;

/// <summary>The CLI's side of the HTTP API: start a run, read its status document, decide a gate through its link.</summary>
public sealed class EngineClient(Uri server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };

    public Uri Server => server;

    /// <returns>The run id, whether the run is new, or the API's error (status and body text).</returns>
    public async Task<RunStartReply> StartAsync(StartRunBody body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/runs", body, ApiJson.Options, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) return new RunStartReply(null, false, (int)response.StatusCode, text);
        var runId = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("runId").GetString();
        return new RunStartReply(runId, response.StatusCode == HttpStatusCode.Accepted, (int)response.StatusCode, text);
    }

    /// <summary><c>POST /api/runs/{id}/rerun</c>: a new attempt of a finished run; the API's 409 says why a run cannot start again yet.</summary>
    /// <param name="by">Who asks, recorded on the attempt (unverified: an engine behind sign-in records its identity header instead).</param>
    public async Task<RunStartReply> RerunAsync(string runId, string by, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(new { by }, options: ApiJson.Options);
        using var response = await _http.PostAsync($"api/runs/{Uri.EscapeDataString(runId)}/rerun", content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) return new RunStartReply(null, false, (int)response.StatusCode, ErrorText(text));
        var newRunId = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("runId").GetString();
        return new RunStartReply(newRunId, true, (int)response.StatusCode, text);
    }

    public async Task<RunDocument?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/runs/{Uri.EscapeDataString(runId)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<RunDocument>(ApiJson.Options, cancellationToken);
    }

    /// <summary>Posts the decision form to an approval link, as a person clicking the page's button would.</summary>
    public async Task<int> DecideAsync(string link, string decision, string by, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent([KeyValuePair.Create("decision", decision), KeyValuePair.Create("by", by)]);
        using var response = await _http.PostAsync(link, form, cancellationToken);
        return (int)response.StatusCode;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The API's one-line <c>error</c>, else the body as it came (a proxy's page, say).</summary>
    private static string ErrorText(string body)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<ErrorBody>(body, ApiJson.Options)?.Error ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}

public sealed record RunStartReply(string? RunId, bool Created, int Status, string Body);
