using Foremast.Api;
using Foremast.Api.Runs;
using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class StartRunTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Start_run_returns_202_with_location_and_the_same_request_finds_that_run()
    {
        var first = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: "2.0.0")));
        var again = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: "2.0.0")));

        Assert.Equal(202, first.Status);
        var started = first.Read<StartedBody>()!;
        Assert.Equal("started", started.Outcome);
        Assert.Equal("webshopacme", started.App);
        Assert.Equal($"https://foremast.example.com/api/runs/{started.RunId}", first.Headers["Location"]);
        Assert.Equal(200, again.Status);
        Assert.Equal(("existing", started.RunId), (again.Read<StartedBody>()!.Outcome, again.Read<StartedBody>()!.RunId));
        Assert.NotNull(await host.Client.GetInstanceAsync(started.RunId!));
    }

    [Fact]
    public async Task Start_run_derives_a_different_run_for_another_artifact_version_or_a_dry_run()
    {
        var real = (await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(dryRun: false, version: "3.0.0")))).Read<StartedBody>()!;
        var dry = (await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(dryRun: true, version: "3.0.0")))).Read<StartedBody>()!;
        var other = (await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(dryRun: true, version: "3.0.1")))).Read<StartedBody>()!;

        Assert.Equal(3, new[] { real.RunId, dry.RunId, other.RunId }.Distinct().Count());
        Assert.EndsWith("-dry", dry.RunId);
        await host.Client.TerminateInstanceAsync(real.RunId!, new TerminateInstanceOptions { Recursive = true });
    }

    [Fact]
    public async Task Invalid_config_returns_422_with_every_diagnostic_and_starts_no_run()
    {
        var runway = Directory.CreateTempSubdirectory("invalid-runway-").FullName;
        File.WriteAllText(Path.Combine(runway, "pipeline.json"), """{ "env": ["dev", "prod"] }""");
        File.WriteAllText(Path.Combine(runway, "application-master-dev.json"), """{ "asg": { "min_inst": 2, """);
        var before = await CountInstancesAsync();

        var response = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(runway: runway)));

        Assert.Equal(422, response.Status);
        var body = response.Read<StartedBody>()!;
        Assert.Equal("invalid", body.Outcome);
        Assert.Null(body.RunId);
        Assert.Contains(body.Diagnostics!, d => d.StartsWith("application-master-dev.json: ", StringComparison.Ordinal));
        Assert.Contains(body.Diagnostics!, d => d.StartsWith("application-master-prod.json: $: missing", StringComparison.Ordinal));
        Assert.Equal(before, await CountInstancesAsync());
    }

    [Fact]
    public async Task Incomplete_request_is_refused_with_400_naming_each_missing_field()
    {
        var response = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", new { project = "acme", source = new { path = "x", url = "y", commit = "abc1234" } }));

        Assert.Equal(400, response.Status);
        var diagnostics = response.Read<ErrorBody>()!.Diagnostics!;
        Assert.Contains("(request): $.repo: required", diagnostics);
        Assert.Contains("(request): $.source: give either {path} or {url, commit}", diagnostics);
        Assert.Contains("(request): $.artifact.version: required", diagnostics);
    }

    [Fact]
    public async Task Start_run_ignores_test_only_run_overrides_in_the_body()
    {
        var body = new
        {
            project = "acme",
            repo = "webshop",
            source = new { path = ApiHost.ExamplesRunway },
            artifact = new { version = "4.0.0", url = "https://artifacts.example.com/webshop-4.0.0.rpm" },
            dryRun = true,
            checkpointTimeout = "00:00:01",
            options = new { checkpointTimeout = "00:00:01", healthPollInterval = "00:00:00.001", dryRun = false },
        };

        var response = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", body));

        var runId = response.Read<StartedBody>()!.RunId!;
        var input = (await host.Client.GetInstanceAsync(runId, getInputsAndOutputs: true))!.ReadInputAs<DeploymentRunInput>()!;
        Assert.Equal(new RunOptions(true, host.Options.Tuning.CheckpointTimeout, host.Options.Tuning.HealthPollInterval, host.Options.Tuning.RetryFirstDelay), input.Options! with { Notifications = null });
        // The examples' only target, read from pipeline.json, not from the request.
        Assert.Equal("slack #webshop-deploys pipeline.failed", string.Join(";", input.Options!.Notifications!.Select(t => $"{t.Type} {t.Address} {string.Join(",", t.When)}")));
    }

    [Fact]
    public async Task App_that_does_not_match_project_and_repo_is_refused_with_422()
    {
        var body = new { app = "someoneelse", project = "acme", repo = "webshop", source = new { path = ApiHost.ExamplesRunway }, artifact = new { version = "1", url = "u" } };

        var response = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", body));

        Assert.Equal(422, response.Status);
        Assert.Contains("(request): $.app: \"someoneelse\" does not match the app \"webshopacme\" that project and repo name", response.Read<StartedBody>()!.Diagnostics!);
    }

    /// <summary>
    /// Counts runs only: region and deploy sub-orchestrations ({runId}:…) of runs started by other tests keep appearing
    /// in the background, while a run itself is created synchronously by the start handler.
    /// </summary>
    private async Task<int> CountInstancesAsync()
    {
        var count = 0;
        await foreach (var instance in host.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            if (!instance.InstanceId.Contains(':', StringComparison.Ordinal)) count++;
        }

        return count;
    }
}
