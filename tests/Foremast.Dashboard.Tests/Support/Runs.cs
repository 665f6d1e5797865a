using System.Net.Http.Json;
using System.Text.Json;
using Foremast.Api;
using Foremast.Api.Runs;
using Foremast.Tests.Shared;

namespace Foremast.Dashboard.Tests.Support;

/// <summary>Runs of the repository's example app started and read over the engine's own HTTP API, as a user's tools would.</summary>
public sealed class Runs(Uri engine) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = engine };

    /// <summary>Starts a run of <c>examples/runway</c>; each test names its own artifact version, so each gets its own run id.</summary>
    /// <param name="dryRun">False on this engine, which has no AWS executors, fails the first stage with its one-line error.</param>
    public async Task<string> StartAsync(string version, bool dryRun)
    {
        var body = new StartRunBody(null, "acme", "webshop", new StartRunSource(Path.Combine(Fixtures.Examples, "runway"), null, null),
            new StartRunArtifact(version, $"https://artifacts.example.com/webshop-{version}.rpm"), DryRun: dryRun);
        using var response = await _http.PostAsJsonAsync("/api/runs", body, ApiJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<StartedBody>(ApiJson.Options))!.RunId!;
    }

    /// <summary><c>POST /api/runs/{id}/cancel</c>, then waits until the run has ended.</summary>
    public async Task CancelAsync(string runId, TimeSpan timeout)
    {
        using var response = await _http.PostAsJsonAsync($"/api/runs/{runId}/cancel", new { by = "dashboard-test" }, ApiJson.Options);
        response.EnsureSuccessStatusCode();
        await WaitAsync(runId, Ended, timeout);
    }

    /// <returns>The new attempt's run id.</returns>
    public async Task<string> RerunAsync(string runId, string by)
    {
        using var response = await _http.PostAsJsonAsync($"/api/runs/{runId}/rerun", new { by }, ApiJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<StartedBody>(ApiJson.Options))!.RunId!;
    }

    public async Task<RunDocument> GetAsync(string runId) =>
        (await _http.GetFromJsonAsync<RunDocument>($"/api/runs/{runId}", ApiJson.Options))!;

    public async Task<RunDocument> WaitAsync(string runId, Func<RunDocument, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var document = await GetAsync(runId);
            if (until(document)) return document;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"run {runId} did not get there within {timeout}: {JsonSerializer.Serialize(document.Status, ApiJson.Options)}");
            await Task.Delay(200);
        }
    }

    public static bool Ended(RunDocument document) => document.RuntimeStatus is "Completed" or "Failed" or "Terminated";

    public void Dispose() => _http.Dispose();
}
