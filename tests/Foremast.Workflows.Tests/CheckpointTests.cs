using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests;

public sealed class CheckpointTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task Rejecting_a_checkpoint_stops_the_region_with_who_and_comment_and_runs_nothing_after_it()
    {
        var runId = Runs.NewRunId("reject");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());
        await host.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        await host.DecideAsync(runId, "us-east-1", "prod", ApprovalDecision.Reject, "bob", "error rate too high in stage");
        await host.WaitForCheckpointAsync(runId, "us-west-2", "prod");
        await host.DecideAsync(runId, "us-west-2", "prod", ApprovalDecision.Approve);

        var (result, status) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Stopped, result.Outcome);
        Assert.Equal(RunState.Stopped, status.State);
        var east = result.Regions.Single(r => r.Region == "us-east-1");
        Assert.Equal(RegionOutcome.Stopped, east.Outcome);
        Assert.Null(east.FailedStage);
        var stop = Assert.IsType<CheckpointRecord>(east.StoppedBy);
        Assert.Equal((CheckpointOutcome.Rejected, "bob", "error rate too high in stage", "Checkpoint prod"), (stop.Outcome, stop.By, stop.Comment, stop.Stage));
        Assert.Equal(StageState.Stopped, east.Status.Stages.Single(s => s.Name == "Checkpoint prod").State);
        Assert.All(east.Status.Stages.Where(s => s.Env == "prod" && s.Name != "Checkpoint prod"), s => Assert.Equal(StageState.Skipped, s.State));
        Assert.DoesNotContain(host.Recorder.ForRun(runId), a => a.Region == "us-east-1" && a.Env == "prod" && a.Action != "checkpoint.waiting");
        Assert.Equal(RegionOutcome.Succeeded, result.Regions.Single(r => r.Region == "us-west-2").Outcome);
    }

    [Fact]
    public async Task A_checkpoint_nobody_decides_expires_by_timer_and_stops_the_region()
    {
        var runId = Runs.NewRunId("expire");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast(checkpointTimeout: TimeSpan.FromSeconds(1)));

        var (result, _) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Stopped, result.Outcome);
        Assert.All(result.Regions, r =>
        {
            Assert.Equal(RegionOutcome.Stopped, r.Outcome);
            Assert.Equal(CheckpointOutcome.Expired, r.StoppedBy!.Outcome);
            Assert.Null(r.StoppedBy.By);
            Assert.Contains("expired", r.Status.Error, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(host.Recorder.ForRun(runId), a => a.Env == "prod" && a.Action != "checkpoint.waiting");
    }

    [Fact]
    public async Task A_decision_for_another_gate_does_not_release_this_one()
    {
        var runId = Runs.NewRunId("stray");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());
        await host.WaitForCheckpointAsync(runId, "us-east-1", "prod");

        // Same instance, wrong gate names: the other region's prod gate and an earlier env of this region.
        var instance = RegionPipelineOrchestrator.InstanceId(runId, "us-east-1");
        await host.Host.Client.RaiseEventAsync(instance, ApprovalGate.EventName("us-west-2", "prod"), new ApprovalEvent(ApprovalDecision.Approve, "mallory"));
        await host.Host.Client.RaiseEventAsync(instance, ApprovalGate.EventName("us-east-1", "stage"), new ApprovalEvent(ApprovalDecision.Approve, "mallory"));
        await Task.Delay(TimeSpan.FromSeconds(1));

        var still = await host.RegionStatusAsync(runId, "us-east-1");
        Assert.Equal(RegionState.WaitingForApproval, still!.State);
        Assert.Equal(ApprovalGate.EventName("us-east-1", "prod"), still.Checkpoint!.EventName);
        Assert.DoesNotContain(host.Recorder.ForRun(runId), a => a.Region == "us-east-1" && a.Stage == "Deploy prod");

        await host.DecideAsync(runId, "us-east-1", "prod", ApprovalDecision.Approve, "alice");
        await host.WaitForCheckpointAsync(runId, "us-west-2", "prod");
        await host.DecideAsync(runId, "us-west-2", "prod", ApprovalDecision.Approve, "alice");
        var (result, _) = await host.CompleteAsync(runId);
        Assert.All(result.Regions, r => Assert.Equal("alice", Assert.Single(r.Checkpoints).By));
    }

    [Fact]
    public async Task Custom_status_shows_the_open_checkpoint_with_its_expiry_and_the_finished_stages()
    {
        var runId = Runs.NewRunId("status");
        var timeout = TimeSpan.FromSeconds(30);
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast(timeout));

        var status = await host.WaitForCheckpointAsync(runId, "us-east-1", "prod");

        var open = status.Checkpoint!;
        Assert.Equal((RegionState.WaitingForApproval, "Checkpoint prod"), (status.State, status.CurrentStage));
        Assert.Equal(RegionPipelineOrchestrator.InstanceId(runId, "us-east-1"), open.InstanceId);
        Assert.Equal("approval:us-east-1:prod", open.EventName);
        Assert.Equal(open.OpenedAt + timeout, open.ExpiresAt);
        // Mainline before the gate is done; a branch (stage's scaling policy) may legitimately still be running.
        var done = status.Stages.TakeWhile(s => s.Name != "Checkpoint prod").Where(s => !s.IsBranch).ToList();
        Assert.All(done, s =>
        {
            Assert.Equal(StageState.Succeeded, s.State);
            Assert.True(s.StartedAt <= s.EndedAt, s.Name);
        });
        Assert.All(status.Stages.SkipWhile(s => s.Name != "Checkpoint prod").Skip(1), s => Assert.Equal(StageState.Pending, s.State));
        var waiting = await host.Recorder.WaitForActionAsync(runId, a => a.Action == "checkpoint.waiting" && a.Region == "us-east-1");
        Assert.Contains("approval:us-east-1:prod", waiting.Summary, StringComparison.Ordinal);

        var run = (await host.Host.Client.GetInstanceAsync(runId, getInputsAndOutputs: true))!.ReadCustomStatusAs<RunStatus>()!;
        Assert.Equal(RunState.Running, run.State);
        Assert.Equal(["us-east-1", "us-west-2"], run.Regions.Select(r => r.InstanceId.Split(':')[1]));
        var live = run.WithLiveRegions([status]);
        Assert.Equal(open, live.Regions[0].Checkpoint);

        foreach (var region in new[] { "us-east-1", "us-west-2" })
        {
            await host.WaitForCheckpointAsync(runId, region, "prod");
            await host.DecideAsync(runId, region, "prod", ApprovalDecision.Reject, "carol");
        }

        var (_, final) = await host.CompleteAsync(runId);
        Assert.All(final.Regions, r => Assert.Null(r.Checkpoint));
        Assert.NotNull(final.EndedAt);
    }
}
