using System.Diagnostics;
using Foremast.Core.Plan;
using Foremast.Local.DryRun;
using Foremast.Local.Tests.Support;
using Foremast.Workflows.Status;
using Xunit.Abstractions;

namespace Foremast.Local.Tests;

/// <summary>
/// kill -9 of the engine, then a new engine process on the same task hub. The runs' state is in Azurite, so they resume;
/// replay must not execute a completed stage again. Kills happen where no stage activity is in flight, because a stage
/// interrupted mid-activity is legitimately run again (at-least-once).
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Run_completes_with_every_stage_once_when_the_engine_is_killed_at_an_open_checkpoint()
    {
        var hub = TestHubs.New("gatekill");
        var log = TempFiles.ActionsLog(hub);
        await using var client = await HubClient.ConnectAsync(hub);
        var runId = ExampleRuns.NewRunId("gatekill");

        string firstWorker;
        await using (var first = await EngineProcess.StartAsync(hub, log))
        {
            firstWorker = first.WorkerId;
            await ExampleRuns.StartAsync(client.Client, runId, ExampleRuns.Fast());
            await Poll.UntilAsync(() => ExampleRuns.AllRegionsQuietAtGateAsync(client.Client, runId), TimeSpan.FromSeconds(60), "every region at its prod gate");
            await Poll.UntilAsync(() => Task.FromResult(Notified(log, runId) == ExampleRuns.Plan.Regions.Count), TimeSpan.FromSeconds(10), "gate notifications sent");
            await first.KillAsync();
        }

        var killed = Stopwatch.StartNew();
        await using var second = await EngineProcess.StartAsync(hub, log);
        var run = await ExampleRuns.ApproveUntilCompleteAsync(client.Client, runId, TimeSpan.FromSeconds(90));
        output.WriteLine($"restart took {second.StartupTime.TotalMilliseconds:0} ms; run completed {killed.Elapsed.TotalSeconds:0.0} s after the kill");

        ExampleRuns.Succeeded(run);
        var actions = ActionLog.Read(log);
        ExampleRuns.AssertEveryStageExactlyOnce(actions, runId);
        Assert.All(actions.Where(a => a.Stage.StartsWith("Deploy prod", StringComparison.Ordinal)), a => Assert.Equal(second.WorkerId, a.Worker));
        Assert.Contains(actions, a => a.Worker == firstWorker);
    }

    [Fact]
    public async Task Run_completes_with_every_stage_once_when_the_engine_is_killed_while_a_deploy_waits_for_health()
    {
        var hub = TestHubs.New("healthkill");
        var log = TempFiles.ActionsLog(hub);
        await using var client = await HubClient.ConnectAsync(hub);
        var runId = ExampleRuns.NewRunId("healthkill");

        // The dry-run deployer answers "pending" to its first probe; the durable timer before the next one is 8 s long, the
        // window in which both regions must have made their first probe (infrastructure setup, now several activities,
        // can finish a few seconds apart in the two regions on a loaded machine).
        var options = ExampleRuns.Fast(healthPollInterval: TimeSpan.FromSeconds(8));
        await using (var first = await EngineProcess.StartAsync(hub, log))
        {
            await ExampleRuns.StartAsync(client.Client, runId, options);
            await Poll.UntilAsync(() => AllRegionsWaitingForHealthAsync(client, log, runId), TimeSpan.FromSeconds(60), "every region's first deploy waiting for health");
            await first.KillAsync();
        }

        // The premise of the test: at the kill, each region's latest action was the first (unhealthy) probe of its deploy.
        var beforeRestart = ActionLog.Read(log);
        foreach (var region in ExampleRuns.Plan.Regions)
        {
            var last = beforeRestart.Last(a => a.RunId == runId && a.Region == region.Region);
            Assert.True(last is { Action: "check-health" } && last.Stage.StartsWith("Deploy", StringComparison.Ordinal), $"{region.Region} was not waiting for health at the kill: {last}");
        }

        var killed = Stopwatch.StartNew();
        await using var second = await EngineProcess.StartAsync(hub, log);
        var run = await ExampleRuns.ApproveUntilCompleteAsync(client.Client, runId, TimeSpan.FromSeconds(120));
        output.WriteLine($"restart took {second.StartupTime.TotalMilliseconds:0} ms; run completed {killed.Elapsed.TotalSeconds:0.0} s after the kill");

        ExampleRuns.Succeeded(run);
        var actions = ActionLog.Read(log);
        ExampleRuns.AssertEveryStageExactlyOnce(actions, runId);

        // The interrupted deploys went on polling on the new engine instead of starting over.
        foreach (var region in ExampleRuns.Plan.Regions)
        {
            var waiting = beforeRestart.Last(a => a.RunId == runId && a.Region == region.Region).Stage;
            Assert.Contains(actions, a => a.Region == region.Region && a.Stage == waiting && a.Action == "check-health" && a.Worker == second.WorkerId);
        }
    }

    private static int Notified(string log, string runId) => ActionLog.Read(log).Count(a => a.RunId == runId && a.Action == "checkpoint.waiting");

    /// <summary>Each region's running stage is its first deploy, everything before it is done, and its first probe is recorded.</summary>
    private static async Task<bool> AllRegionsWaitingForHealthAsync(HubClient client, string log, string runId)
    {
        var actions = ActionLog.Read(log);
        foreach (var region in ExampleRuns.Plan.Regions)
        {
            if (await ExampleRuns.RegionStatusAsync(client.Client, runId, region.Region) is not { } status) return false;
            var running = status.Stages.Where(s => s.State != StageState.Succeeded).FirstOrDefault();
            if (running is not { Kind: StageKind.Deploy, State: StageState.Running }) return false;
            if (status.Stages.Count(s => s.State == StageState.Running) != 1) return false;
            if (!actions.Any(a => a.RunId == runId && a.Region == region.Region && a.Stage == running.Name && a.Action == "check-health")) return false;
        }

        return true;
    }
}
