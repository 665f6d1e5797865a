using System.Diagnostics;
using Foremast.Local.DryRun;
using Foremast.Local.Tests.Support;
using Xunit.Abstractions;

namespace Foremast.Local.Tests;

/// <summary>
/// Two engine processes on one task hub: orchestrations are spread over the partition owners and activities over
/// whoever polls the shared work-item queue first. When one engine dies, the other takes over its partitions once
/// their leases expire.
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    private const int Runs = 4;

    [Fact]
    public async Task Two_engines_share_the_runs_and_the_survivor_finishes_them_when_one_is_killed()
    {
        var hub = TestHubs.New("scale");
        await using var client = await HubClient.ConnectAsync(hub);
        var engines = await Task.WhenAll(EngineProcess.StartAsync(hub, TempFiles.ActionsLog("scale-a")), EngineProcess.StartAsync(hub, TempFiles.ActionsLog("scale-b")));
        await using var victim = engines[0];
        await using var survivor = engines[1];

        var runIds = Enumerable.Range(1, Runs).Select(i => ExampleRuns.NewRunId($"scale{i}")).ToList();
        foreach (var runId in runIds) await ExampleRuns.StartAsync(client.Client, runId, ExampleRuns.Fast());

        await Poll.UntilAsync(async () => (await Task.WhenAll(runIds.Select(id => ExampleRuns.AllRegionsQuietAtGateAsync(client.Client, id)))).All(q => q),
            // 180 s: Infrastructure Setup is a sub-orchestration of one activity per resource kind, several queue hops per stage.
            TimeSpan.FromSeconds(180), "every run at its prod gates");
        await Poll.UntilAsync(() => Task.FromResult(AllActions(victim, survivor).Count(a => a.Action == "checkpoint.waiting") == Runs * ExampleRuns.Plan.Regions.Count),
            TimeSpan.FromSeconds(10), "gate notifications sent");

        var victimShare = victim.Actions.Count;
        var survivorShare = survivor.Actions.Count;
        output.WriteLine($"before the kill: {victim.WorkerId} executed {victimShare} actions, {survivor.WorkerId} {survivorShare}");
        Assert.True(victimShare > 0 && survivorShare > 0, $"one engine did all the work: {victimShare} vs {survivorShare}");
        var owners = await PartitionOwners.ReadAsync(hub);
        output.WriteLine($"partition owners before the kill: {string.Join(", ", owners.Select(o => $"{o.Key}={o.Value}"))}");
        Assert.Contains(victim.WorkerId, owners.Values);
        Assert.Contains(survivor.WorkerId, owners.Values);

        await victim.KillAsync();
        var killed = Stopwatch.StartNew();
        var finished = await Task.WhenAll(runIds.Select(id => ExampleRuns.ApproveUntilCompleteAsync(client.Client, id, TimeSpan.FromSeconds(90))));
        output.WriteLine($"all {Runs} runs completed {killed.Elapsed.TotalSeconds:0.0} s after the kill");

        Assert.All(finished, run => ExampleRuns.Succeeded(run));
        var actions = AllActions(victim, survivor);
        foreach (var runId in runIds) ExampleRuns.AssertEveryStageExactlyOnce(actions, runId);
        Assert.Equal(victimShare, victim.Actions.Count);
        Assert.All((await PartitionOwners.ReadAsync(hub)).Values, owner => Assert.Equal(survivor.WorkerId, owner));
    }

    private static List<ActionLogEntry> AllActions(EngineProcess a, EngineProcess b) => [.. a.Actions, .. b.Actions];
}
