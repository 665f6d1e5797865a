using Foremast.Workflows.DryRun;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Tests.Shared;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Tests.Support;

/// <summary>Starts runs on a test host and drives their checkpoints the way the approval endpoint will.</summary>
public static class Runs
{
    public static readonly ArtifactRef Artifact = new("1.4.2", "https://artifacts.example.com/webshop-1.4.2.rpm");

    /// <summary>Short waits everywhere: durable timers run in real time in the test host.</summary>
    public static RunOptions Fast(TimeSpan? checkpointTimeout = null) => new(
        DryRun: true,
        CheckpointTimeout: checkpointTimeout ?? TimeSpan.FromSeconds(30),
        HealthPollInterval: TimeSpan.FromMilliseconds(50),
        RetryFirstDelay: TimeSpan.FromMilliseconds(50));

    public static ConfigSnapshot Examples() =>
        RunwayLoader.Load(new LoadRequest(Path.Combine(Fixtures.Examples, "runway"), Path.Combine(Fixtures.Examples, "foremast-config.json"), "acme", "webshop")).SnapshotOrThrow();

    /// <summary>The examples with the admin's <c>enable_approval_skip</c> for stage turned off.</summary>
    public static ConfigSnapshot ExamplesWithoutStageSkip()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Examples, "foremast-config.json")))!;
        config["base"]!["env_configs"]!["stage"]!["enable_approval_skip"] = false;
        var file = Path.Combine(Path.GetTempPath(), $"foremast-config-noskip-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, config.ToJsonString());
        try
        {
            return RunwayLoader.Load(new LoadRequest(Path.Combine(Fixtures.Examples, "runway"), file, "acme", "webshop")).SnapshotOrThrow();
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string NewRunId(string name) => $"{name}-{Guid.NewGuid():N}";

    public static Task<string> StartAsync(this ITestHost host, string runId, ConfigSnapshot snapshot, RunOptions options) =>
        host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(DeploymentRunOrchestrator), new DeploymentRunInput(runId, snapshot, Artifact, options), new StartOrchestrationOptions(InstanceId: runId));

    /// <summary>Polls the region instance's custom status until the named gate is open.</summary>
    public static async Task<RegionStatus> WaitForCheckpointAsync(this ITestHost host, string runId, string region, string env)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await host.RegionStatusAsync(runId, region) is { Checkpoint: { } open } status && open.Env == env) return status;
            await Task.Delay(50);
        }

        throw new TimeoutException($"checkpoint {region}/{env} of {runId} never opened");
    }

    /// <summary>
    /// Polls the recorder until an action of the run matches. The orchestration publishes a checkpoint's status before
    /// its notify activity runs, so an action can lag the status a test just saw.
    /// </summary>
    public static async Task<RecordedAction> WaitForActionAsync(this IActionRecorder recorder, string runId, Func<RecordedAction, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var found = recorder.ForRun(runId).Where(match).ToList();
            if (found.Count == 1) return found[0];
            if (found.Count > 1) throw new InvalidOperationException($"{found.Count} matching actions of {runId}, expected one");
            await Task.Delay(50);
        }

        throw new TimeoutException($"no matching action of {runId} was recorded");
    }

    public static async Task<RegionStatus?> RegionStatusAsync(this ITestHost host, string runId, string region)
    {
        var instance = await host.Host.Client.GetInstanceAsync(RegionPipelineOrchestrator.InstanceId(runId, region), getInputsAndOutputs: true);
        return instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<RegionStatus>();
    }

    public static Task DecideAsync(this ITestHost host, string runId, string region, string env, ApprovalDecision decision, string by = "alice", string? comment = null) =>
        host.Host.Client.RaiseEventAsync(
            RegionPipelineOrchestrator.InstanceId(runId, region), ApprovalGate.EventName(region, env), new ApprovalEvent(decision, by, comment));

    public static async Task<(DeploymentRunResult Result, RunStatus Status)> CompleteAsync(this ITestHost host, string runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var instance = await host.Host.Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        return (instance.ReadOutputAs<DeploymentRunResult>()!, instance.ReadCustomStatusAs<RunStatus>()!);
    }

    /// <summary>Approves every gate any region opens (checkpoints and pre-promote checkpoints alike) until the run completes.</summary>
    public static async Task<(DeploymentRunResult Result, RunStatus Status)> ApproveEveryGateAsync(this ITestHost host, string runId, IEnumerable<string> regions)
    {
        var approved = new HashSet<string>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await host.Host.Client.GetInstanceAsync(runId) is { IsCompleted: true }) return await host.CompleteAsync(runId);
            foreach (var region in regions)
            {
                if (await host.RegionStatusAsync(runId, region) is { Checkpoint: { } gate } && approved.Add($"{gate.InstanceId}/{gate.EventName}"))
                {
                    await host.Host.Client.RaiseEventAsync(gate.InstanceId, gate.EventName, new ApprovalEvent(ApprovalDecision.Approve, "test"));
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"run {runId} did not complete");
    }
}
