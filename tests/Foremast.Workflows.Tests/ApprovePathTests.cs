using Foremast.Core.Plan;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests;

public sealed class ApprovePathTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    private static readonly string[] Regions = ["us-east-1", "us-west-2"];

    [Fact]
    public async Task Approving_every_checkpoint_runs_each_planned_stage_once_in_plan_order()
    {
        var runId = Runs.NewRunId("approve");
        var snapshot = Runs.Examples();
        var plan = StagePlanner.Plan(snapshot);
        await host.StartAsync(runId, snapshot, Runs.Fast());
        foreach (var region in Regions)
        {
            await host.WaitForCheckpointAsync(runId, region, "prod");
            await host.DecideAsync(runId, region, "prod", ApprovalDecision.Approve, "alice", "ship it");
        }

        var (result, status) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        Assert.Equal(RunState.Succeeded, status.State);
        var actions = host.Recorder.ForRun(runId);
        foreach (var regionPlan in plan.Regions)
        {
            var region = result.Regions.Single(r => r.Region == regionPlan.Region);
            Assert.Equal(RegionOutcome.Succeeded, region.Outcome);
            Assert.All(region.Status.Stages, s => Assert.Equal(StageState.Succeeded, s.State));
            Assert.Equal(CheckpointOutcome.Approved, Assert.Single(region.Checkpoints).Outcome);

            // Executed stages (everything but checkpoints), each exactly once: replays must not repeat an action.
            var executed = actions.Where(a => a.Region == regionPlan.Region && a.Action is not ("attempt" or "check-health" or "checkpoint.waiting")).ToList();
            var expected = regionPlan.Stages.Where(s => s.Kind != StageKind.Checkpoint).Select(s => s.Name).ToList();
            Assert.Equal(expected.Order(), executed.Select(a => a.Stage).Distinct().Order());
            Assert.All(executed.GroupBy(a => a.Key), g => Assert.Single(g));

            // Mainline in plan order; every branch after the stage it hangs off.
            var mainline = regionPlan.Mainline.Where(s => s.Kind != StageKind.Checkpoint).Select(s => s.Name).ToList();
            Assert.Equal(mainline, executed.Where(a => mainline.Contains(a.Stage)).Select(a => a.Stage).Distinct());
            foreach (var branch in regionPlan.Stages.Where(s => s.IsBranch))
            {
                var parent = regionPlan.Stages.Single(s => s.RefId == branch.RequisiteRefIds.Single());
                Assert.True(Sequence(executed, branch.Name) > Sequence(executed, parent.Name), $"{branch.Name} ran before {parent.Name}");
            }
        }
    }

    [Fact]
    public async Task Deploy_polls_health_until_healthy_and_scaling_uses_the_new_server_group()
    {
        var runId = Runs.NewRunId("health");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());
        foreach (var region in Regions)
        {
            await host.WaitForCheckpointAsync(runId, region, "prod");
            await host.DecideAsync(runId, region, "prod", ApprovalDecision.Approve);
        }

        await host.CompleteAsync(runId);

        var actions = host.Recorder.ForRun(runId);
        var probes = actions.Where(a => a.Action == "check-health").GroupBy(a => (a.Region, a.Stage)).ToList();
        Assert.Equal(5, probes.Count); // us-east-1: dev, stage, prod; us-west-2: stage, prod
        Assert.All(probes, g => Assert.Equal(DryRunDeployer.ChecksUntilHealthy, g.Count()));
        var scaling = actions.Single(a => a.Region == "us-west-2" && a.Stage == "Attach Scaling Policy [prod]");
        Assert.Contains($"{runId}/webshopacmeprod/us-west-2", scaling.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regions_run_in_parallel_each_with_its_own_envs()
    {
        var runId = Runs.NewRunId("parallel");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());

        // Both regions reach their prod gate while neither has been approved: they do not wait for each other.
        var east = await host.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var west = await host.WaitForCheckpointAsync(runId, "us-west-2", "prod");
        Assert.Equal(RegionState.WaitingForApproval, (await host.RegionStatusAsync(runId, "us-east-1"))!.State);
        Assert.Equal(["dev", "stage", "prod"], east.Stages.Select(s => s.Env).Where(e => e is not null).Distinct());
        Assert.Equal(["stage", "prod"], west.Stages.Select(s => s.Env).Where(e => e is not null).Distinct());

        foreach (var region in Regions) await host.DecideAsync(runId, region, "prod", ApprovalDecision.Approve);
        var (result, _) = await host.CompleteAsync(runId);

        Assert.Equal(Regions, result.Regions.Select(r => r.Region));
        Assert.DoesNotContain(host.Recorder.ForRun(runId), a => a.Region == "us-west-2" && a.Env == "dev");
    }

    private static long Sequence(IEnumerable<RecordedAction> actions, string stage) => actions.First(a => a.Stage == stage).Sequence;
}
