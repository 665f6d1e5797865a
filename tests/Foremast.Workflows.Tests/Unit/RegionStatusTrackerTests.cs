using Foremast.Core.Plan;
using Foremast.Workflows.Status;

namespace Foremast.Workflows.Tests.Unit;

public sealed class RegionStatusTrackerTests
{
    private static readonly DateTime T0 = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

    private static PlannedStage Stage(string refId, StageDefinition definition, string? env, string name, params string[] requisites) =>
        new(refId, requisites, definition.Kind, name, env, definition.IsBranch, definition.Timeout, definition);

    private static RegionStatusTracker Tracker() => new("us-east-1", "run:us-east-1",
    [
        Stage("1", StageCatalog.Bake, null, "Bake [us-east-1]"),
        Stage("2", StageCatalog.Checkpoint, "prod", "Checkpoint prod", "1"),
        Stage("200", StageCatalog.Webhook, "prod", "PROD: hook", "2"),
        Stage("3", StageCatalog.Bake, "prod", "Deploy prod", "2"),
    ]);

    [Fact]
    public void The_current_stage_prefers_the_mainline_over_a_running_branch()
    {
        var tracker = Tracker();
        tracker.Started("200", T0);
        tracker.Started("3", T0);

        Assert.Equal("Deploy prod", tracker.Snapshot().CurrentStage);
    }

    [Fact]
    public void An_open_checkpoint_is_shown_until_it_closes()
    {
        var tracker = Tracker();
        var open = new OpenCheckpoint("Checkpoint prod", "prod", "run:us-east-1", "approval:us-east-1:prod", T0, T0.AddHours(2));
        tracker.CheckpointOpened("2", open);

        var waiting = tracker.Snapshot();
        Assert.Equal((RegionState.WaitingForApproval, open, "Checkpoint prod"), (waiting.State, waiting.Checkpoint, waiting.CurrentStage));

        tracker.CheckpointClosed("2", T0.AddMinutes(5), approved: false, "rejected by bob");
        var closed = tracker.Snapshot();
        Assert.Null(closed.Checkpoint);
        Assert.Equal((StageState.Stopped, "rejected by bob", T0.AddMinutes(5)), (closed.Stages[1].State, closed.Stages[1].Error, closed.Stages[1].EndedAt));
    }

    [Fact]
    public void Finishing_marks_stages_that_never_started_as_skipped_and_keeps_the_others()
    {
        var tracker = Tracker();
        tracker.Started("1", T0);
        tracker.Failed("1", T0.AddSeconds(3), "bakery down");
        tracker.Finished(RegionState.Failed, "Bake [us-east-1]: bakery down");

        var status = tracker.Snapshot();
        Assert.Equal([StageState.Failed, StageState.Skipped, StageState.Skipped, StageState.Skipped], status.Stages.Select(s => s.State));
        Assert.Equal((RegionState.Failed, "Bake [us-east-1]: bakery down"), (status.State, status.Error));
    }

    [Fact]
    public void Live_region_entries_replace_stale_ones_but_never_a_final_one()
    {
        var pending = new RegionStatus("us-east-1", "r:us-east-1", RegionState.Pending, null, []);
        var done = new RegionStatus("us-west-2", "r:us-west-2", RegionState.Succeeded, null, []);
        var run = new RunStatus("r", "app", RunState.Running, T0, null, [pending, done]);

        var live = run.WithLiveRegions([pending with { State = RegionState.WaitingForApproval }, done with { State = RegionState.Running }]);

        Assert.Equal([RegionState.WaitingForApproval, RegionState.Succeeded], live.Regions.Select(r => r.State));
    }
}
