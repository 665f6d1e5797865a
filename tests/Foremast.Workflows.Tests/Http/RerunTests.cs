using System.Text.Json;
using Foremast.Api;
using Foremast.Api.Runs;
using Foremast.Tests.Shared;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Support;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class RerunTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Rerun_of_a_finished_run_starts_attempt_r1_from_the_first_stage_with_the_pinned_snapshot_after_the_runway_is_gone()
    {
        var runway = CopyOfExamplesRunway();
        var runId = await StartAsync("7.0.0", runway);
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        await CancelAsync(runId);
        // The files the run was started from no longer exist: a rerun can only use the snapshot the run pinned.
        Directory.Delete(runway, recursive: true);

        var response = await host.SendAsync(ApiRoutes.RerunRun, Requests.Json("POST", new { }, Requests.Id(runId)));

        Assert.Equal(202, response.Status);
        var body = response.Read<StartedBody>()!;
        Assert.Equal(("started", $"{runId}-r1", runId, "webshopacme"), (body.Outcome, body.RunId, body.RerunOf, body.App));
        Assert.Equal($"https://foremast.example.com/api/runs/{runId}-r1", response.Headers["Location"]);
        var region = await host.Workflows.WaitForCheckpointAsync(body.RunId!, "us-east-1", "prod");
        Assert.Equal(StageState.Succeeded, region.Stages[0].State);
        Assert.DoesNotContain(region.Stages, s => s.State is StageState.Skipped or StageState.Cancelled);
        var original = await InputAsync(runId);
        var attempt = await InputAsync(body.RunId!);
        Assert.Equal(JsonSerializer.Serialize(original.Snapshot), JsonSerializer.Serialize(attempt.Snapshot));
        Assert.Equal((original.Artifact, original.Options!.DryRun), (attempt.Artifact, attempt.Options!.DryRun));
        Assert.Equal(body.RunId, attempt.RunId);
        await CancelAsync(body.RunId!);
    }

    [Fact]
    public async Task After_a_rerun_the_same_start_request_still_finds_the_original_and_the_next_rerun_is_r2()
    {
        var runId = await StartAsync("7.1.0");
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        await CancelAsync(runId);
        var first = (await host.SendAsync(ApiRoutes.RerunRun, Requests.Json("POST", new { }, Requests.Id(runId)))).Read<StartedBody>()!.RunId!;
        await host.Workflows.WaitForCheckpointAsync(first, "us-east-1", "prod");

        var again = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: "7.1.0")));
        var whileAttemptRuns = await host.SendAsync(ApiRoutes.RerunRun, Requests.Json("POST", new { }, Requests.Id(runId)));
        await CancelAsync(first);
        var second = await host.SendAsync(ApiRoutes.RerunRun, Requests.Json("POST", new { }, Requests.Id(first)));
        var document = (await host.SendAsync(ApiRoutes.GetRun, Requests.Get(Requests.Id(runId)))).Read<RunDocument>()!;

        Assert.Equal((200, "existing", runId), (again.Status, again.Read<StartedBody>()!.Outcome, again.Read<StartedBody>()!.RunId));
        Assert.Equal(409, whileAttemptRuns.Status);
        Assert.StartsWith($"run {first} is still running: a new attempt starts only after it has ended", whileAttemptRuns.Read<ErrorBody>()!.Error);
        Assert.Equal((202, $"{runId}-r2", first), (second.Status, second.Read<StartedBody>()!.RunId, second.Read<StartedBody>()!.RerunOf));
        Assert.Equal([first, $"{runId}-r2"], document.Attempts);
        Assert.Equal("Terminated", document.RuntimeStatus);
        await host.Workflows.WaitForCheckpointAsync($"{runId}-r2", "us-east-1", "prod");
        await CancelAsync($"{runId}-r2");
    }

    [Fact]
    public async Task Rerun_records_who_asked_and_from_where_on_the_attempt_s_status_the_signed_in_name_over_a_typed_one()
    {
        var runId = await StartAsync("7.3.0");
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        await CancelAsync(runId);
        var before = DateTime.UtcNow;

        // Signed in through the platform (its identity header), with a different name typed into the body.
        var signedIn = await host.SendAsync(ApiRoutes.RerunRun, ApiRequest.Create("POST", Requests.Id(runId),
            headers: [new("X-MS-CLIENT-PRINCIPAL-NAME", "alice@example.com"), new("X-Forwarded-For", "10.9.9.9")],
            body: JsonSerializer.SerializeToUtf8Bytes(new { by = "mallory" }), contentType: "application/json", remoteAddress: "198.51.100.7"));
        var first = signedIn.Read<StartedBody>()!;
        await host.Workflows.WaitForCheckpointAsync(first.RunId!, "us-east-1", "prod");
        var firstAsked = (await GetAsync(first.RunId!)).Status!.Rerun!;
        await CancelAsync(first.RunId!);

        // Only a typed name (foremast run --rerun sends the local user's), for an attempt of the attempt.
        var typed = await host.SendAsync(ApiRoutes.RerunRun, Requests.Json("POST", new { by = "bob" }, Requests.Id(first.RunId!)));
        var second = typed.Read<StartedBody>()!;
        await host.Workflows.WaitForCheckpointAsync(second.RunId!, "us-east-1", "prod");
        var secondAsked = (await GetAsync(second.RunId!)).Status!.Rerun!;

        Assert.Equal((202, "alice@example.com"), (signedIn.Status, first.By));
        Assert.Equal((runId, "alice@example.com", true, "198.51.100.7", "10.9.9.9"), (firstAsked.Of, firstAsked.By, firstAsked.Verified, firstAsked.Source, firstAsked.ForwardedFor));
        Assert.InRange(firstAsked.At, before, DateTime.UtcNow);
        Assert.Equal((202, "bob"), (typed.Status, second.By));
        Assert.Equal((first.RunId, "bob", false), (secondAsked.Of, secondAsked.By, secondAsked.Verified));
        // The first run was asked for by nobody: it has no rerun record.
        Assert.Null((await GetAsync(runId)).Status!.Rerun);
        await CancelAsync(second.RunId!);
    }

    [Fact]
    public async Task Rerun_without_a_name_is_recorded_as_asked_by_anonymous()
    {
        var runId = await StartAsync("7.4.0");
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        await CancelAsync(runId);

        var attempt = (await host.SendAsync(ApiRoutes.RerunRun, Requests.Json("POST", new { }, Requests.Id(runId)))).Read<StartedBody>()!.RunId!;
        await host.Workflows.WaitForCheckpointAsync(attempt, "us-east-1", "prod");

        var asked = (await GetAsync(attempt)).Status!.Rerun!;
        Assert.Equal((runId, "anonymous", false), (asked.Of, asked.By, asked.Verified));
        await CancelAsync(attempt);
    }

    [Fact]
    public async Task Rerun_of_a_running_run_is_409_and_of_an_unknown_run_or_a_region_instance_404()
    {
        var runId = await StartAsync("7.2.0");
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");

        var running = await host.SendAsync(ApiRoutes.RerunRun, Requests.Json("POST", new { }, Requests.Id(runId)));
        var unknown = await host.SendAsync(ApiRoutes.RerunRun, Requests.Json("POST", new { }, Requests.Id("webshopacme-nothing")));
        var region = await host.SendAsync(ApiRoutes.RerunRun, Requests.Json("POST", new { }, Requests.Id($"{runId}:us-east-1")));

        Assert.Equal(409, running.Status);
        Assert.Equal(
            $"run {runId} is still running: a new attempt starts only after it has ended (follow it with GET /api/runs/{runId}, or cancel it with POST /api/runs/{runId}/cancel)",
            running.Read<ErrorBody>()!.Error);
        Assert.Equal((404, "no run webshopacme-nothing"), (unknown.Status, unknown.Read<ErrorBody>()!.Error));
        Assert.Equal(404, region.Status);
        Assert.Null(await host.Client.GetInstanceAsync($"{runId}-r1"));
        Assert.Empty((await host.SendAsync(ApiRoutes.GetRun, Requests.Get(Requests.Id(runId)))).Read<RunDocument>()!.Attempts!);
        await CancelAsync(runId);
    }

    private async Task<string> StartAsync(string version, string? runway = null)
    {
        var response = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: version, runway: runway)));
        Assert.Equal(202, response.Status);
        return response.Read<StartedBody>()!.RunId!;
    }

    private async Task<RunDocument> GetAsync(string runId) =>
        (await host.SendAsync(ApiRoutes.GetRun, Requests.Get(Requests.Id(runId)))).Read<RunDocument>()!;

    private async Task CancelAsync(string runId)
    {
        var cancel = await host.SendAsync(ApiRoutes.CancelRun, Requests.Json("POST", new { }, Requests.Id(runId)));
        Assert.Equal(202, cancel.Status);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.Client.WaitForInstanceCompletionAsync(runId, timeout.Token);
    }

    private async Task<DeploymentRunInput> InputAsync(string runId) =>
        (await host.Client.GetInstanceAsync(runId, getInputsAndOutputs: true))!.ReadInputAs<DeploymentRunInput>()!;

    private static string CopyOfExamplesRunway()
    {
        var copy = Directory.CreateTempSubdirectory("rerun-runway-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures.Examples, "runway"))) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }
}
