using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests;

public sealed class BranchTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(1500);

    [Fact]
    public async Task Branches_do_not_hold_up_the_next_env_but_the_region_waits_for_them_before_completing()
    {
        var runId = Runs.NewRunId("branches");
        host.Script.Delay(runId, "us-east-1", "DEV: Notify CMDB", Slow);
        host.Script.Delay(runId, "us-west-2", "Attach Scaling Policy [prod]", Slow);
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());
        foreach (var region in new[] { "us-east-1", "us-west-2" })
        {
            await host.WaitForCheckpointAsync(runId, region, "prod");
            await host.DecideAsync(runId, region, "prod", ApprovalDecision.Approve);
        }

        var (result, _) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        var east = Stages(result, "us-east-1");
        Assert.True(east["Infrastructure Setup [stage]"].StartedAt < east["DEV: Notify CMDB"].EndedAt, "the stage env waited for the dev webhook");

        var west = Stages(result, "us-west-2");
        var scaling = west["Attach Scaling Policy [prod]"];
        Assert.Equal(StageState.Succeeded, scaling.State);
        Assert.True(scaling.EndedAt - west["Deploy prod"].EndedAt >= Slow - TimeSpan.FromMilliseconds(100), "the region completed before its last branch");
        Assert.Contains(host.Recorder.ForRun(runId), a => a.Region == "us-west-2" && a.Action == "scaling-policy" && a.Env == "prod");
    }

    private static Dictionary<string, StageStatus> Stages(DeploymentRunResult result, string region) =>
        result.Regions.Single(r => r.Region == region).Status.Stages.ToDictionary(s => s.Name);
}
