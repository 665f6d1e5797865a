using Foremast.Local.Tests.Support;
using Xunit.Abstractions;

namespace Foremast.Local.Tests;

public sealed class EngineRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Examples_run_completes_in_dry_run_with_every_stage_once_when_each_gate_is_approved()
    {
        var hub = TestHubs.New("run");
        await using var client = await HubClient.ConnectAsync(hub);
        await using var engine = await EngineProcess.StartAsync(hub, TempFiles.ActionsLog(hub));
        output.WriteLine($"engine ready in {engine.StartupTime.TotalMilliseconds:0} ms");

        var runId = ExampleRuns.NewRunId("examples");
        await ExampleRuns.StartAsync(client.Client, runId, ExampleRuns.Fast());
        var run = await ExampleRuns.ApproveUntilCompleteAsync(client.Client, runId, TimeSpan.FromSeconds(90));

        ExampleRuns.Succeeded(run);
        ExampleRuns.AssertEveryStageExactlyOnce(engine.Actions, runId);
        Assert.All(engine.Actions, a => Assert.Equal(engine.WorkerId, a.Worker));
    }
}
