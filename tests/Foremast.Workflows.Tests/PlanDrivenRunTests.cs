using Foremast.Core.Config;
using Foremast.Core.Plan;
using Foremast.Tests.Shared;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests;

/// <summary>Any plan, any gates: approve each gate the plan has, in order, and every executable stage runs exactly once.</summary>
public sealed class PlanDrivenRunTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    public static TheoryData<string> Configs => ["examples", "01-ec2-3env-2region"];

    [Theory]
    [MemberData(nameof(Configs))]
    public async Task Approving_the_gates_the_plan_has_runs_every_stage_once(string config)
    {
        var snapshot = Load(config);
        var plan = StagePlanner.Plan(snapshot);
        var runId = Runs.NewRunId(config[..4]);
        await host.StartAsync(runId, snapshot, Runs.Fast());

        await Task.WhenAll(plan.Regions.Select(region => ApproveGatesAsync(runId, region)));
        var (result, _) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        var executed = host.Recorder.ForRun(runId).Where(a => a.Action is not ("attempt" or "check-health" or "checkpoint.waiting")).ToList();
        var expected = plan.Regions.SelectMany(r => r.Stages.Where(s => s.Kind != StageKind.Checkpoint).Select(s => (r.Region, s.Name)));
        // Infrastructure Setup records one action per resource kind; no action may repeat.
        Assert.Equal(expected.Order(), executed.Select(a => (a.Region, a.Stage)).Distinct().Order());
        Assert.All(executed.GroupBy(a => a.Key), g => Assert.Single(g));
    }

    private async Task ApproveGatesAsync(string runId, RegionPlan region)
    {
        foreach (var gate in region.Stages.Where(s => s.Kind == StageKind.Checkpoint))
        {
            await host.WaitForCheckpointAsync(runId, region.Region, gate.Env!);
            await host.DecideAsync(runId, region.Region, gate.Env!, ApprovalDecision.Approve);
        }
    }

    private static ConfigSnapshot Load(string config) => config == "examples"
        ? Runs.Examples()
        : RunwayLoader.Load(new LoadRequest(Fixtures.ScenarioRunway(config), Fixtures.ScenarioConfig(config), "forrest", "unicorn")).SnapshotOrThrow();
}
