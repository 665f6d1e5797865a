using Foremast.Core.Config;
using Foremast.Core.Plan;
using Foremast.Local.DryRun;
using Foremast.Tests.Shared;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Foremast.Local.Tests.Support;

/// <summary>Runs of the repository's <c>examples/</c> application (project acme, repo webshop), driven the way the approval endpoint will.</summary>
public static class ExampleRuns
{
    /// <summary>Actions that may legitimately repeat: health polls, and the best-effort gate notification.</summary>
    private static readonly HashSet<string> Repeatable = ["check-health", "checkpoint.waiting"];

    public static readonly ArtifactRef Artifact = new("1.4.2", "https://artifacts.example.com/webshop-1.4.2.rpm");

    public static ConfigSnapshot Snapshot { get; } = RunwayLoader.Load(new LoadRequest(
        Path.Combine(Fixtures.Examples, "runway"), Path.Combine(Fixtures.Examples, "foremast-config.json"), "acme", "webshop")).SnapshotOrThrow();

    public static StagePlan Plan { get; } = StagePlanner.Plan(Snapshot);

    /// <summary>Durable timers run in real time, so tests shorten every wait.</summary>
    public static RunOptions Fast(TimeSpan? healthPollInterval = null) => new(
        DryRun: true,
        CheckpointTimeout: TimeSpan.FromMinutes(5),
        HealthPollInterval: healthPollInterval ?? TimeSpan.FromMilliseconds(200),
        RetryFirstDelay: TimeSpan.FromMilliseconds(200));

    public static string NewRunId(string name) => $"{name}-{Guid.NewGuid():N}";

    public static Task StartAsync(DurableTaskClient client, string runId, RunOptions options) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            nameof(DeploymentRunOrchestrator), new DeploymentRunInput(runId, Snapshot, Artifact, options), new StartOrchestrationOptions(InstanceId: runId));

    public static async Task<RegionStatus?> RegionStatusAsync(DurableTaskClient client, string runId, string region)
    {
        var instance = await client.GetInstanceAsync(RegionPipelineOrchestrator.InstanceId(runId, region), getInputsAndOutputs: true);
        return instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<RegionStatus>();
    }

    /// <summary>
    /// True when every region of the run waits at a gate with everything before it finished, branches included:
    /// no stage activity is in flight, so a kill now cannot legitimately re-run one.
    /// </summary>
    public static async Task<bool> AllRegionsQuietAtGateAsync(DurableTaskClient client, string runId)
    {
        foreach (var region in Plan.Regions)
        {
            if (await RegionStatusAsync(client, runId, region.Region) is not { Checkpoint: { } gate } status) return false;
            var before = status.Stages.TakeWhile(s => s.Name != gate.Stage);
            if (before.Any(s => s.State != StageState.Succeeded)) return false;
        }

        return true;
    }

    /// <summary>Approves each gate the custom status shows as open, once, until the run instance completes.</summary>
    public static async Task<OrchestrationMetadata> ApproveUntilCompleteAsync(DurableTaskClient client, string runId, TimeSpan timeout)
    {
        var approved = new HashSet<string>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var run = await client.GetInstanceAsync(runId, getInputsAndOutputs: true);
            if (run is { IsCompleted: true }) return run;

            foreach (var region in Plan.Regions)
            {
                if (await RegionStatusAsync(client, runId, region.Region) is { Checkpoint: { } gate } && approved.Add($"{gate.InstanceId}/{gate.EventName}"))
                {
                    await client.RaiseEventAsync(gate.InstanceId, gate.EventName, new ApprovalEvent(ApprovalDecision.Approve, "local-engine-test"));
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"run {runId} did not complete within {timeout}");
    }

    /// <summary>Every executable stage of the plan ran exactly once for this run: none lost, none repeated by replay.</summary>
    public static void AssertEveryStageExactlyOnce(IEnumerable<ActionLogEntry> actions, string runId)
    {
        var executed = actions.Where(a => a.RunId == runId && !Repeatable.Contains(a.Action)).ToList();
        var expected = Plan.Regions.SelectMany(r => r.Stages.Where(s => s.Kind is not (StageKind.Checkpoint or StageKind.PrePromoteCheckpoint)).Select(s => (r.Region, s.Name))).Order().ToList();

        // Infrastructure Setup records one action per resource kind (its own activity each); none may repeat.
        Assert.Equal(expected, executed.Select(a => (a.Region, a.Stage)).Distinct().Order().ToList());
        Assert.All(executed.GroupBy(a => a.Key), g => Assert.Single(g));
    }

    public static DeploymentRunResult Succeeded(OrchestrationMetadata run)
    {
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var result = run.ReadOutputAs<DeploymentRunResult>()!;
        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        return result;
    }
}
