using Foremast.Workflows.Http;
using Foremast.Workflows.Http.Runs;
using Foremast.Workflows.Http.Sources;
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

    private Task<ApiResponse> List(Dictionary<string, string> query) => host.SendAsync(ApiRoutes.ListRuns, Requests.Get(query: query));

    private async Task<string> StartAsync(string version)
    {
        var response = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: version)));
        return response.Read<StartedBody>()!.RunId!;
    }
}
