using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests;

public sealed class FailureTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task A_transient_bake_failure_is_retried_by_the_stage_policy_shown_as_one_retry_and_the_run_goes_on()
    {
        var runId = Runs.NewRunId("transient");
        host.Script.Fail(runId, "us-east-1", "Bake [us-east-1]", times: 1, "bakery busy");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());
        await ApproveProdAsync(runId, "us-east-1", "us-west-2");

        var (result, status) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        var bake = host.Recorder.ForRun(runId).Where(a => a.Region == "us-east-1" && a.Stage == "Bake [us-east-1]").ToList();
        Assert.Equal(2, bake.Count(a => a.Action == "attempt"));
        Assert.Single(bake, a => a.Action == "bake");

        // Two attempts are one retry, in the run's status; the other region's bake never failed and shows none.
        var east = status.Regions.Single(r => r.Region == "us-east-1").Stages.Single(s => s.Name == "Bake [us-east-1]");
        Assert.Equal((StageState.Succeeded, (int?)1), (east.State, east.Retries));
        Assert.Null(status.Regions.Single(r => r.Region == "us-west-2").Stages.Single(s => s.Kind == Core.Plan.StageKind.Bake).Retries);
    }

    [Fact]
    public async Task A_permanent_failure_fails_its_region_after_all_attempts_counted_as_retries_while_the_other_region_completes()
    {
        var runId = Runs.NewRunId("permanent");
        host.Script.Fail(runId, "us-west-2", "Infrastructure Setup [stage]", times: int.MaxValue, "AccessDenied: iam:CreateRole");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());
        await ApproveProdAsync(runId, "us-east-1");

        var (result, status) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Failed, result.Outcome);
        Assert.Equal(RunState.Failed, status.State);
        var west = result.Regions.Single(r => r.Region == "us-west-2");
        Assert.Equal((RegionOutcome.Failed, "Infrastructure Setup [stage]"), (west.Outcome, west.FailedStage));
        Assert.Contains("AccessDenied: iam:CreateRole", west.Error, StringComparison.Ordinal);
        Assert.Equal(StageState.Failed, west.Status.Stages.Single(s => s.Name == "Infrastructure Setup [stage]").State);
        Assert.All(west.Status.Stages.SkipWhile(s => s.Name != "Infrastructure Setup [stage]").Skip(1), s => Assert.Equal(StageState.Skipped, s.State));

        var westActions = host.Recorder.ForRun(runId).Where(a => a.Region == "us-west-2").ToList();
        Assert.Equal(3, westActions.Count(a => a.Action == "attempt" && a.Stage == "Infrastructure Setup [stage]")); // RetrySpec.Transient(): 3 attempts
        Assert.Equal(2, west.Status.Stages.Single(s => s.Name == "Infrastructure Setup [stage]").Retries); // the two attempts after the first
        // The failed phase stops the stage: no load balancer or DNS after it, and no deploy.
        Assert.DoesNotContain(westActions, a => a.Action is "deploy" or "infrastructure:loadbalancer" or "infrastructure:dns");
        Assert.Equal(RegionOutcome.Succeeded, result.Regions.Single(r => r.Region == "us-east-1").Outcome);
    }

    [Fact]
    public async Task A_failed_branch_stage_fails_the_region_even_while_a_later_gate_is_open()
    {
        var runId = Runs.NewRunId("branchfail");
        // Slow attempts, so the region is already waiting at its prod gate when the last attempt fails.
        host.Script.Fail(runId, "us-east-1", "DEV: Notify CMDB", times: int.MaxValue, "hook returned 500", TimeSpan.FromMilliseconds(700));
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());
        var gate = await host.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        Assert.Equal(StageState.Running, gate.Stages.Single(s => s.Name == "DEV: Notify CMDB").State);
        await ApproveProdAsync(runId, "us-west-2");

        var (result, _) = await host.CompleteAsync(runId);

        var east = result.Regions.Single(r => r.Region == "us-east-1");
        Assert.Equal((RegionOutcome.Failed, "DEV: Notify CMDB"), (east.Outcome, east.FailedStage));
        Assert.Contains("hook returned 500", east.Error, StringComparison.Ordinal);
        Assert.Empty(east.Checkpoints);
        var cancelled = east.Status.Stages.Single(s => s.Name == "Checkpoint prod");
        Assert.Equal((StageState.Stopped, "cancelled: a branch stage failed"), (cancelled.State, cancelled.Error));
        Assert.DoesNotContain(host.Recorder.ForRun(runId), a => a.Region == "us-east-1" && a.Env == "prod" && (a.Action.StartsWith("infrastructure", StringComparison.Ordinal) || a.Action == "deploy"));
        Assert.Equal(RegionOutcome.Succeeded, result.Regions.Single(r => r.Region == "us-west-2").Outcome);
    }

    [Fact]
    public async Task A_deploy_that_turns_unhealthy_fails_the_region_with_the_health_detail()
    {
        var runId = Runs.NewRunId("unhealthy");
        host.Script.Unhealthy(runId, "us-west-2", "Deploy stage");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());
        await ApproveProdAsync(runId, "us-east-1");

        var (result, _) = await host.CompleteAsync(runId);

        var west = result.Regions.Single(r => r.Region == "us-west-2");
        Assert.Equal((RegionOutcome.Failed, "Deploy stage"), (west.Outcome, west.FailedStage));
        Assert.Contains("ELB health check failed", west.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Recorder.ForRun(runId), a => a.Region == "us-west-2" && a.Stage == "Attach Scaling Policy [stage]");
    }

    [Fact]
    public async Task An_invalid_snapshot_fails_the_run_in_the_configuration_stage_before_any_region_starts()
    {
        var runId = Runs.NewRunId("badconfig");
        var examples = Runs.Examples();
        var broken = examples with { Environments = examples.Environments.Where(e => e.Key != "stage").ToDictionary() };
        await host.StartAsync(runId, broken, Runs.Fast());

        var (result, status) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Failed, result.Outcome);
        Assert.Empty(result.Regions);
        Assert.StartsWith("Configuration: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("env 'stage' is in pipeline.json but not in the snapshot", result.Error, StringComparison.Ordinal);
        Assert.Equal(RunState.Failed, status.State);
        Assert.Empty(host.Recorder.ForRun(runId));
    }

    private Task ApproveProdAsync(string runId, params string[] regions) => ApproveProdAsync(host, runId, regions);

    internal static async Task ApproveProdAsync(WorkflowHost host, string runId, params string[] regions)
    {
        foreach (var region in regions)
        {
            await host.WaitForCheckpointAsync(runId, region, "prod");
            await host.DecideAsync(runId, region, "prod", ApprovalDecision.Approve);
        }
    }
}
