using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests;

public sealed class BakeStageTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task A_pending_bake_is_asked_again_after_durable_timers_until_its_image_is_done()
    {
        var runId = Runs.NewRunId("bakepoll");
        host.Script.BakePending(runId, "us-east-1", "Bake [us-east-1]", steps: 3);
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast() with { HealthPollInterval = TimeSpan.FromMilliseconds(50) });
        await FailureTests.ApproveProdAsync(host, runId, "us-east-1", "us-west-2");

        var (result, _) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        var bake = host.Recorder.ForRun(runId).Where(a => a.Region == "us-east-1" && a.Stage == "Bake [us-east-1]").ToList();
        Assert.Equal(4, bake.Count(a => a.Action == "attempt"));
        Assert.Single(bake, a => a.Action == "bake");
    }

    [Fact]
    public async Task A_permanent_executor_error_is_not_retried_by_the_stage_policy()
    {
        var runId = Runs.NewRunId("bakepermanent");
        host.Script.FailPermanently(runId, "us-east-1", "Bake [us-east-1]", "bake: RunInstances failed: UnauthorizedOperation: not allowed");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());
        await FailureTests.ApproveProdAsync(host, runId, "us-west-2");

        var (result, _) = await host.CompleteAsync(runId);

        var east = result.Regions.Single(r => r.Region == "us-east-1");
        Assert.Equal((RegionOutcome.Failed, "Bake [us-east-1]"), (east.Outcome, east.FailedStage));
        Assert.Equal("bake: RunInstances failed: UnauthorizedOperation: not allowed", east.Error);
        Assert.Single(host.Recorder.ForRun(runId), a => a.Region == "us-east-1" && a.Action == "attempt");
    }
}
