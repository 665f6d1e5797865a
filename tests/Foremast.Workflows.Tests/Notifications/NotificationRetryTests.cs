using System.Text.Json;
using Foremast.Api;
using Foremast.Api.Runs;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Tests.Http;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests.Notifications;

/// <summary>Delivery retries through the engine, against a real loopback receiver that answers 500.</summary>
[Collection(HttpCollection.Name)]
public sealed class NotificationRetryTests(NotificationApiHost host) : IClassFixture<NotificationApiHost>
{
    private static readonly string[] Regions = ["us-east-1", "us-west-2"];

    [Fact]
    public async Task A_notification_that_still_fails_after_its_retries_is_on_the_run_status_by_host_only_and_the_deployment_succeeds()
    {
        var runway = NotificationApiHost.RunwayWith(
            NotificationApiHost.Target("microsoftteams", host.Http.BaseUrl + "fail500/workflows?sig=retry-secret-sig", "pipeline.starting", "pipeline.complete"));
        var runId = await StartAsync("8.0.0", runway);

        var (result, _) = await host.Workflows.ApproveEveryGateAsync(runId, Regions);
        var response = await host.SendAsync(ApiRoutes.GetRun, Requests.Get(new() { ["id"] = runId }));
        var document = response.Read<RunDocument>()!;

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        var failures = document.Status!.AllNotificationFailures();
        Assert.Equal(
            ["pipeline.starting  ", "pipeline.complete  ", "checkpoint.waiting us-east-1 prod", "checkpoint.waiting us-west-2 prod"],
            failures.Select(f => $"{f.Event} {f.Region} {f.Env}"));
        Assert.All(failures, f => Assert.Equal(("microsoftteams to 127.0.0.1", "HTTP 500 receiver down", 3), (f.Target, f.Error, f.Attempts)));
        // Every attempt reached the receiver: three per event.
        Assert.Equal(12, host.Http.To("/fail500/").Count(p => p.Text.Contains(runId, StringComparison.Ordinal)));
        Assert.DoesNotContain("retry-secret-sig", response.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("fail500", response.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_sends_only_to_the_target_that_failed_and_the_other_gets_exactly_one_message()
    {
        var runway = NotificationApiHost.RunwayWith(
            NotificationApiHost.Target("webhook", host.Http.BaseUrl + "flaky/retry-once", "pipeline.starting"),
            NotificationApiHost.Target("webhook", host.Http.BaseUrl + "steady/retry-once", "pipeline.starting"));
        var runId = await StartAsync("8.1.0", runway);

        // pipeline.starting is delivered (with its retry) before any region opens its checkpoint.
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        int Starting(string path) => host.Http.To(path).Count(p => Event(p) == ("pipeline.starting", runId));

        Assert.Equal(1, Starting("/steady/retry-once"));
        Assert.Equal(2, Starting("/flaky/retry-once"));
        var response = await host.SendAsync(ApiRoutes.GetRun, Requests.Get(new() { ["id"] = runId }));
        Assert.Empty(response.Read<RunDocument>()!.Status!.AllNotificationFailures());
        await host.Workflows.ApproveEveryGateAsync(runId, Regions);
    }

    private async Task<string> StartAsync(string version, string runway)
    {
        var start = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: version, runway: runway)));
        return start.Read<StartedBody>()!.RunId!;
    }

    private static (string?, string?) Event(ReceivedPost post)
    {
        var json = JsonDocument.Parse(post.Body).RootElement;
        return (json.GetProperty("event").GetString(), json.GetProperty("runId").GetString());
    }
}
