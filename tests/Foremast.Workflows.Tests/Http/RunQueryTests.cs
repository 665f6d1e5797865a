using Foremast.Api;
using Foremast.Api.Runs;
using Foremast.Workflows.Sources;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Support;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class RunQueryTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Run_status_shows_live_regions_source_and_artifact()
    {
        var runId = await StartAsync("6.0.0");
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");

        var response = await host.SendAsync(ApiRoutes.GetRun, Requests.Get(Requests.Id(runId)));

        Assert.Equal(200, response.Status);
        var document = response.Read<RunDocument>()!;
        Assert.Equal(("webshopacme", "Running"), (document.App, document.RuntimeStatus));
        Assert.Equal(("directory", "6.0.0", true), (document.Source!.Config.Kind, document.Source.Artifact.Version, document.Source.DryRun));
        var east = document.Status!.Regions.Single(r => r.Region == "us-east-1");
        Assert.Equal(RegionState.WaitingForApproval, east.State);
        Assert.Equal("prod", east.Checkpoint!.Env);
        Assert.DoesNotContain("signing", response.BodyText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/api/approvals/", response.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_links_in_run_status_each_open_gate_lists_a_link_that_the_decision_route_accepts()
    {
        var runId = await StartAsync("6.0.1");
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var options = new ForemastApiOptions
        {
            PublicBaseUrl = host.Options.PublicBaseUrl,
            Approvals = { SigningKey = ApiHost.SigningKey, LinksInRunStatus = true },
        };
        var api = new ForemastApi(options, new ConfigSourceReader(new GitRunwayReader(new GitClient(), Path.GetTempPath())), host.Time);

        var document = (await api.HandleAsync(ApiRoutes.GetRun, Requests.Get(Requests.Id(runId)), host.Client)).Read<RunDocument>()!;

        var link = Assert.Single(document.Approvals!, a => a.Region == "us-east-1");
        Assert.Equal(("prod", "Checkpoint prod"), (link.Env, link.Stage));
        Assert.StartsWith("https://foremast.example.com/api/approvals/", link.Url);
        var token = link.Url[(link.Url.LastIndexOf('/') + 1)..];
        var page = await host.SendAsync(ApiRoutes.ApprovalPage, Requests.Get(Requests.Token(token)));
        Assert.Equal(200, page.Status);
    }

    [Fact]
    public async Task Unknown_run_or_a_region_instance_id_is_404()
    {
        var runId = await StartAsync("6.1.0");
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");

        var unknown = await host.SendAsync(ApiRoutes.GetRun, Requests.Get(Requests.Id("webshopacme-nothing")));
        var region = await host.SendAsync(ApiRoutes.GetRun, Requests.Get(Requests.Id($"{runId}:us-east-1")));

        Assert.Equal((404, 404), (unknown.Status, region.Status));
    }

    [Fact]
    public async Task List_filters_by_app_and_status_and_shows_only_runs()
    {
        var runId = await StartAsync("6.2.0");
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");

        var byApp = (await List(new() { ["app"] = "webshopacme" })).Read<RunList>()!.Runs;
        var running = (await List(new() { ["app"] = "webshopacme", ["status"] = "running" })).Read<RunList>()!.Runs;
        var succeeded = (await List(new() { ["app"] = "webshopacme", ["status"] = "Succeeded" })).Read<RunList>()!.Runs;
        var otherApp = (await List(new() { ["app"] = "webshop" })).Read<RunList>()!.Runs;
        var bad = await List(new() { ["status"] = "sideways" });

        Assert.Contains(byApp, r => r.RunId == runId);
        Assert.All(byApp, r => Assert.DoesNotContain(":", r.RunId, StringComparison.Ordinal));
        Assert.Contains(running, r => r.RunId == runId && r.State == "Running");
        Assert.DoesNotContain(succeeded, r => r.RunId == runId);
        Assert.Empty(otherApp);
        Assert.Equal(400, bad.Status);
    }

    [Fact]
    public async Task List_lines_carry_version_dry_run_and_start_and_state_filters_by_run_state_only()
    {
        var runId = await StartAsync("6.2.1");
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");

        var line = (await List(new() { ["app"] = "webshopacme", ["state"] = "running" })).Read<RunList>()!.Runs.Single(r => r.RunId == runId);
        var failed = (await List(new() { ["app"] = "webshopacme", ["state"] = "Failed" })).Read<RunList>()!.Runs;
        var contradictory = (await List(new() { ["status"] = "Succeeded", ["state"] = "Running" })).Read<RunList>()!.Runs;
        var bad = await List(new() { ["state"] = "Terminated" });

        Assert.Equal(("6.2.1", true, (string?)null, (DateTime?)null), (line.Version, line.DryRun, line.Commit, line.EndedAt));
        Assert.NotNull(line.StartedAt);
        Assert.DoesNotContain(failed, r => r.RunId == runId);
        Assert.Empty(contradictory);
        // Terminated is a runtime status, not a run state.
        Assert.Equal(400, bad.Status);
    }

    [Fact]
    public async Task Cancel_terminates_the_run_and_its_regions_and_a_second_cancel_is_409()
    {
        var runId = await StartAsync("6.3.0");
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        await host.Workflows.WaitForCheckpointAsync(runId, "us-west-2", "prod");

        var cancel = await host.SendAsync(ApiRoutes.CancelRun, Requests.Json("POST", new { }, Requests.Id(runId)));

        Assert.Equal(202, cancel.Status);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        foreach (var id in new[] { runId, $"{runId}:us-east-1", $"{runId}:us-west-2" })
        {
            Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.Client.WaitForInstanceCompletionAsync(id, timeout.Token)).RuntimeStatus);
        }

        var again = await host.SendAsync(ApiRoutes.CancelRun, Requests.Json("POST", new { }, Requests.Id(runId)));
        Assert.Equal(409, again.Status);
    }

    [Fact]
    public async Task Cancelled_run_reads_as_cancelled_by_whom_and_when_with_its_gates_closed_and_no_links()
    {
        var runId = await StartAsync("6.4.0");
        var open = await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var api = new ForemastApi(
            new ForemastApiOptions { PublicBaseUrl = host.Options.PublicBaseUrl, Approvals = { SigningKey = ApiHost.SigningKey, LinksInRunStatus = true } },
            new ConfigSourceReader(new GitRunwayReader(new GitClient(), Path.GetTempPath())), host.Time);
        var token = host.Api.Links.ApprovalUrl(new Foremast.Api.Approvals.ApprovalClaims(runId, "us-east-1", "prod", new DateTimeOffset(DateTime.SpecifyKind(open.Checkpoint!.ExpiresAt, DateTimeKind.Utc))));

        var cancel = await host.SendAsync(ApiRoutes.CancelRun, Requests.Json("POST", new { by = "typed-name", reason = "wrong artifact" }, Requests.Id(runId), new() { ["X-MS-CLIENT-PRINCIPAL-NAME"] = "alice@example.com" }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.Client.WaitForInstanceCompletionAsync(runId, timeout.Token);
        await host.Client.WaitForInstanceCompletionAsync($"{runId}:us-east-1", timeout.Token);

        var document = (await api.HandleAsync(ApiRoutes.GetRun, Requests.Get(Requests.Id(runId)), host.Client)).Read<RunDocument>()!;
        Assert.Equal(202, cancel.Status);
        Assert.Equal(("alice@example.com", "wrong artifact"), (document.Cancelled!.By, document.Cancelled.Reason));
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime, document.Cancelled.At, TimeSpan.FromSeconds(5));
        Assert.Equal(RunState.Cancelled, document.Status!.State);
        Assert.Equal(document.Cancelled.At, document.Status.EndedAt);
        Assert.Empty(document.Approvals!);
        Assert.All(document.Status.Regions, r =>
        {
            Assert.Equal(RegionState.Cancelled, r.State);
            Assert.Null(r.Checkpoint);
            Assert.DoesNotContain(r.Stages, s => s.State is StageState.Running or StageState.WaitingForApproval or StageState.Pending);
        });
        var gate = document.Status.Regions.Single(r => r.Region == "us-east-1").Stages.Single(s => s.Name == open.Checkpoint.Stage);
        Assert.Equal((StageState.Cancelled, CheckpointVerdict.Cancelled, "alice@example.com"), (gate.State, gate.Decision!.Verdict, gate.Decision.By));

        var cancelled = (await List(new() { ["app"] = "webshopacme", ["status"] = "Cancelled" })).Read<RunList>()!.Runs;
        var ended = (await List(new() { ["app"] = "webshopacme", ["status"] = "ended" })).Read<RunList>()!.Runs;
        var active = (await List(new() { ["app"] = "webshopacme", ["status"] = "active" })).Read<RunList>()!.Runs;
        var running = (await List(new() { ["app"] = "webshopacme", ["status"] = "Running" })).Read<RunList>()!.Runs;
        Assert.Contains(cancelled, r => r.RunId == runId && r.State == "Cancelled");
        Assert.Contains(ended, r => r.RunId == runId);
        Assert.DoesNotContain(active, r => r.RunId == runId);
        Assert.DoesNotContain(running, r => r.RunId == runId);

        var decision = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "approve" }, Requests.Token(token[(token.LastIndexOf('/') + 1)..])));
        Assert.Equal(409, decision.Status);
        Assert.Contains("run cancelled by alice@example.com", decision.BodyText, StringComparison.Ordinal);
    }

    private Task<ApiResponse> List(Dictionary<string, string> query) => host.SendAsync(ApiRoutes.ListRuns, Requests.Get(query: query));

    private async Task<string> StartAsync(string version)
    {
        var response = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: version)));
        return response.Read<StartedBody>()!.RunId!;
    }
}
