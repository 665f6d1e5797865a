using Foremast.Api;
using Foremast.Api.Approvals;
using Foremast.Api.Runs;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests.Http;

/// <summary>Several people deciding one gate at once: only the decision the checkpoint took is confirmed.</summary>
[Collection(HttpCollection.Name)]
public sealed class DecisionRaceTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Twenty_concurrent_mixed_decisions_get_one_202_and_nineteen_409s_naming_the_decision_taken()
    {
        var runId = await StartAsync("6.0.0");
        var open = await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var token = Requests.Token(TokenFor(runId, open));
        using var start = new ManualResetEventSlim();

        var sends = Enumerable.Range(0, 20).Select(i => Task.Run(() =>
        {
            start.Wait();
            return host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = i % 2 == 0 ? "approve" : "reject", by = $"person-{i}" }, token));
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(sends);

        var winner = Assert.Single(responses, r => r.Status == 202).Read<DecisionBody>()!;
        var losers = responses.Where(r => r.Status != 202).ToList();
        Assert.All(losers, r => Assert.Equal(409, r.Status));
        Assert.Equal(19, losers.Count);
        var verdict = winner.Outcome == "approved" ? CheckpointVerdict.Approved : CheckpointVerdict.Rejected;
        foreach (var loser in losers.Select(r => r.Read<DecisionConflictBody>()!))
        {
            Assert.Equal((verdict, winner.By), (loser.Taken.Verdict, loser.Taken.By));
            Assert.Contains($"{winner.Outcome} by {winner.By} at ", loser.Error, StringComparison.Ordinal);
        }

        var recorded = await RecordedAsync(runId, open.Checkpoint!.Stage);
        Assert.Equal((verdict, winner.By), (recorded!.Verdict, recorded.By));
    }

    [Fact]
    public async Task Decision_sent_to_a_suspended_region_is_answered_504_until_the_checkpoint_records_it()
    {
        var runId = await StartAsync("6.1.0");
        var open = await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var token = Requests.Token(TokenFor(runId, open));
        await host.Client.SuspendInstanceAsync(open.Checkpoint!.InstanceId, "operator pause");
        await WaitUntilAsync(async () => (await host.Client.GetInstanceAsync(open.Checkpoint.InstanceId))!.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Suspended);
        var wait = host.Options.Approvals.DecisionWait;
        host.Options.Approvals.DecisionWait = TimeSpan.FromMilliseconds(500);
        ApiResponse unconfirmed;
        try
        {
            unconfirmed = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "approve", by = "carol" }, token));
        }
        finally
        {
            host.Options.Approvals.DecisionWait = wait;
        }

        await host.Client.ResumeInstanceAsync(open.Checkpoint.InstanceId, "resume");
        await WaitUntilAsync(async () => await RecordedAsync(runId, open.Checkpoint.Stage) is not null);
        var later = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "reject", by = "dave" }, token));

        Assert.Equal(504, unconfirmed.Status);
        Assert.Contains("check run", unconfirmed.Read<ErrorBody>()!.Error, StringComparison.Ordinal);
        Assert.Equal(409, later.Status);
        Assert.Equal((CheckpointVerdict.Approved, "carol"), (later.Read<DecisionConflictBody>()!.Taken.Verdict, later.Read<DecisionConflictBody>()!.Taken.By));
    }

    private async Task<CheckpointDecision?> RecordedAsync(string runId, string stage)
    {
        var region = await host.Workflows.RegionStatusAsync(runId, "us-east-1");
        return region?.Stages.Single(s => s.Name == stage).Decision;
    }

    private async Task<string> StartAsync(string version)
    {
        var response = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: version)));
        Assert.Equal(202, response.Status);
        return response.Read<StartedBody>()!.RunId!;
    }

    private string TokenFor(string runId, RegionStatus region)
    {
        var url = host.Api.Links.ApprovalUrl(new ApprovalClaims(runId, region.Region, region.Checkpoint!.Env, new DateTimeOffset(DateTime.SpecifyKind(region.Checkpoint.ExpiresAt, DateTimeKind.Utc))));
        return url[(url.LastIndexOf('/') + 1)..];
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition never held");
            await Task.Delay(50);
        }
    }
}
