using Foremast.Api;
using Foremast.Api.Hooks;
using Foremast.Api.Runs;
using Foremast.Workflows.Tests.Support;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class HookRerunTests(HookApiHost host) : IClassFixture<HookApiHost>
{
    // HMAC-SHA256 of the fixture's exact bytes with ApiHost.HookSecret, as published with the fixture.
    private const string PushSignature = "sha256=4eb0bb3763b6757a92b0b6f8d852195f9b900da2cb0fcbb0030388f59cb29f05";

    [Fact]
    public async Task Redelivered_hook_after_a_rerun_finds_the_original_run_and_starts_nothing()
    {
        var runId = (await PushAsync()).Read<HookBody>()!.Runs[0].RunId!;
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        await host.SendAsync(ApiRoutes.CancelRun, Requests.Json("POST", new { }, Requests.Id(runId)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.Client.WaitForInstanceCompletionAsync(runId, timeout.Token);
        var rerun = (await host.SendAsync(ApiRoutes.RerunRun, Requests.Json("POST", new { }, Requests.Id(runId)))).Read<StartedBody>()!.RunId!;

        var redelivery = await PushAsync();

        Assert.Equal(200, redelivery.Status);
        Assert.Equal(("existing", runId), (redelivery.Read<HookBody>()!.Runs[0].Outcome, redelivery.Read<HookBody>()!.Runs[0].RunId));
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.Client.GetInstanceAsync(runId))!.RuntimeStatus);
        var document = (await host.SendAsync(ApiRoutes.GetRun, Requests.Get(Requests.Id(runId)))).Read<RunDocument>()!;
        Assert.Equal([rerun], document.Attempts);
        await host.Workflows.WaitForCheckpointAsync(rerun, "us-east-1", "prod");
        await host.SendAsync(ApiRoutes.CancelRun, Requests.Json("POST", new { }, Requests.Id(rerun)));
    }

    private Task<ApiResponse> PushAsync() =>
        host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", HookApiHost.Fixture("github-push-existing-branch.json"), "application/json",
            headers: new Dictionary<string, string> { ["X-GitHub-Event"] = "push", ["X-Hub-Signature-256"] = PushSignature }));
}
