using System.Net;
using System.Net.Http.Json;
using Foremast.Local.Tests.Support;
using Foremast.Tests.Shared;
using Foremast.Api;
using Foremast.Api.Runs;
using Foremast.Workflows.Orchestrations;
using Xunit.Abstractions;

namespace Foremast.Local.Tests;

/// <summary>The shared routes as the local engine serves them: a run driven only over HTTP, gates approved through their links.</summary>
[Collection(HttpApiCollection.Name)]
public sealed class HttpApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Examples_run_started_over_http_completes_when_each_gate_is_approved_through_its_link()
    {
        var hub = TestHubs.New("http");
        await using var cleanup = await HubClient.ConnectAsync(hub);
        var environment = new Dictionary<string, string>(TestHubs.FastRecovery)
        {
            ["Foremast__ConfigFile"] = Path.Combine(Fixtures.Examples, "foremast-config.json"),
            ["Foremast__Local__ApprovalKeyFile"] = TempFiles.ActionsLog("approval-key"),
            ["Foremast__Tuning__HealthPollInterval"] = "00:00:00.200",
        };
        await using var engine = await EngineProcess.StartAsync(hub, TempFiles.ActionsLog(hub), environment);
        using var http = new HttpClient { BaseAddress = engine.Url };

        var body = new StartRunBody(null, "acme", "webshop", new StartRunSource(Path.Combine(Fixtures.Examples, "runway"), null, null),
            new StartRunArtifact("1.4.2", "https://artifacts.example.com/webshop-1.4.2.rpm"), DryRun: true);
        using var start = await http.PostAsJsonAsync("/api/runs", body, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var runId = (await start.Content.ReadFromJsonAsync<StartedBody>(ApiJson.Options))!.RunId!;
        Assert.EndsWith("-dry", runId);

        var approved = new HashSet<string>(StringComparer.Ordinal);
        var run = await PollAsync(http, runId, TimeSpan.FromSeconds(90), async document =>
        {
            foreach (var gate in document.Approvals ?? [])
            {
                if (!approved.Add(gate.Url)) continue;
                Assert.StartsWith($"{engine.Url.ToString().TrimEnd('/')}/api/approvals/", gate.Url);
                using var page = await http.GetAsync(gate.Url);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal("no-store", page.Headers.CacheControl?.ToString());

                using var form = new FormUrlEncodedContent([KeyValuePair.Create("decision", "approve"), KeyValuePair.Create("by", "http-test")]);
                using var decision = await http.PostAsync(gate.Url, form);
                Assert.Equal(HttpStatusCode.Accepted, decision.StatusCode);
            }
        });

        Assert.Equal("Completed", run.RuntimeStatus);
        Assert.Equal(RunOutcome.Succeeded, run.Result!.Outcome);
        Assert.Equal(ExampleRuns.Plan.Regions.Count, approved.Count);
        ExampleRuns.AssertEveryStageExactlyOnce(engine.Actions, runId);

        // The equivalent Spinnaker pipelines, kept as a blob next to the task hub and served with the run.
        var pipelines = run.Pipelines!.Value.EnumerateArray().ToList();
        Assert.Equal(ExampleRuns.Plan.Regions.Select(r => r.PipelineName), pipelines.Select(p => p.GetProperty("name").GetString()));
        Assert.All(pipelines, p => Assert.Equal("webshopacme", p.GetProperty("document").GetProperty("application").GetString()));

        using var list = await http.GetAsync("/api/runs?app=" + run.App);
        Assert.Contains(runId, await list.Content.ReadAsStringAsync());
        output.WriteLine($"run {runId} completed; {approved.Count} gates approved through their links");
    }

    private static async Task<RunDocument> PollAsync(HttpClient http, string runId, TimeSpan timeout, Func<RunDocument, Task> onUpdate)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var document = (await http.GetFromJsonAsync<RunDocument>($"/api/runs/{runId}", ApiJson.Options))!;
            if (document.RuntimeStatus is "Completed" or "Failed" or "Terminated") return document;
            await onUpdate(document);
            await Task.Delay(250);
        }

        throw new TimeoutException($"run {runId} did not end within {timeout}");
    }
}
