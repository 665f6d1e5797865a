using System.Diagnostics;
using Foremast.Aws.Tests.Support;
using Foremast.EndToEnd.Tests.Support;
using Foremast.Local.Tests.Support;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;
using static Foremast.EndToEnd.Tests.Support.ExampleOnMoto;

namespace Foremast.EndToEnd.Tests;

/// <summary>
/// kill -9 of a <c>foremast serve</c> process running a real deploy against moto, then a new engine process on the same task
/// hub. The engines reach moto through the fault proxy, which holds the answer to <c>CreateAutoScalingGroup</c>: the group
/// exists in the account, and the engine dies before it hears so. The activity is then run again by the new engine (at least
/// once), which must find the group it created instead of making a second one, and the health wait continues there.
/// </summary>
public sealed class EngineRestartOnMotoTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Engine_killed_while_its_new_server_group_comes_up_finishes_on_a_new_engine_with_exactly_one_new_group()
    {
        var clock = Stopwatch.StartNew();
        var credentials = Path.Combine(Path.GetTempPath(), $"foremast-e2e-credentials-{Guid.NewGuid():N}");
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        var created = proxy.Hold(c => c.Operation == "CreateAutoScalingGroup");
        var healthy = new TaskCompletionSource();
        // The instances stay out of service on the load balancer until the test says otherwise: the deploy keeps waiting.
        proxy.Rewrite((call, body) => call.Operation == "DescribeInstanceHealth" && !healthy.Task.IsCompleted
            ? body.Replace("<State>InService</State>", "<State>OutOfService</State>", StringComparison.Ordinal)
            : null);
        var hub = TestHubs.New("awskill");
        var log = TempFiles.ActionsLog(hub);
        // FastRecovery's 8 s visibility timeouts, not shorter: under CI load one orchestration episode can outlast a 4 s
        // timeout, its message is then handed out twice and the run stalls (PopReceiptMismatch).
        var environment = new Dictionary<string, string>(TestHubs.FastRecovery)
        {
            ["Foremast__Aws__Enabled"] = "true",
            ["Foremast__Aws__EndpointUrl"] = proxy.Url,
            ["Foremast__Aws__Retry__BaseDelay"] = "00:00:00.010",
            ["Foremast__Aws__Retry__MaxDelay"] = "00:00:00.100",
            // Read when an env's credentials are first needed, so the file can follow the engine's start.
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentials,
            ["AWS_CONFIG_FILE"] = credentials + ".absent",
        };

        // Seeding the account, the test's hub client and the first engine's start overlap: each takes seconds.
        var starting = EngineProcess.StartAsync(hub, log, environment);
        var connecting = HubClient.ConnectAsync(hub);
        MotoAccounts accounts;
        try
        {
            accounts = await SeedAsync(moto.Url, "dev");
            await File.WriteAllTextAsync(credentials, accounts.CredentialsFile());
        }
        catch
        {
            await (await starting).DisposeAsync();
            throw;
        }

        await using var client = await connecting;
        await using var builders = PlayBakeBuilders(moto.Url, accounts);
        var runId = $"awskill-{Guid.NewGuid():N}";
        var dev = new MotoState(Session(moto.Url, accounts, "dev"));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: account seeded");

        await using (var first = await starting)
        {
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: first engine up");
            var options = new RunOptions(DryRun: false, HealthPollInterval: TimeSpan.FromMilliseconds(100), RetryFirstDelay: TimeSpan.FromMilliseconds(100));
            await client.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DeploymentRunOrchestrator),
                new DeploymentRunInput(runId, DevSnapshot(), new ArtifactRef("3.0.0", "https://artifacts.example.com/webshop-3.0.0.rpm"), options),
                new StartOrchestrationOptions(InstanceId: runId));
            if (await Task.WhenAny(created.Reached, Task.Delay(TimeSpan.FromSeconds(60))) != created.Reached)
            {
                var state = await client.Client.GetInstanceAsync(runId, getInputsAndOutputs: true);
                Assert.Fail($"no CreateAutoScalingGroup within 60 s; run {state?.RuntimeStatus} {state?.SerializedCustomStatus}\n{first.Output}");
            }

            Assert.Equal([$"{App}-v000"], (await dev.ServerGroupsAsync(App)).Keys);
            await first.KillAsync();
        }

        var killedAt = clock.Elapsed;
        output.WriteLine($"{killedAt.TotalSeconds:0.0} s: first engine killed with the group created and its answer held");
        created.Release();
        var probesBefore = HealthProbes(proxy);
        await using var second = await EngineProcess.StartAsync(hub, log, environment);
        // The new engine runs the interrupted start again and goes on waiting for health: two probes answered "out of service".
        await Poll.UntilAsync(() => Task.FromResult(HealthProbes(proxy) >= probesBefore + 2), TimeSpan.FromSeconds(60), "health probes by the new engine");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: second engine probed twice");
        healthy.SetResult();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = await client.Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, cancel.Token);
        output.WriteLine($"killed {killedAt.TotalSeconds:0.0} s after start; run done {clock.Elapsed.TotalSeconds:0.0} s after start; new engine started in {second.StartupTime.TotalSeconds:0.0} s");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var result = run.ReadOutputAs<DeploymentRunResult>()!;
        Assert.True(result.Outcome == RunOutcome.Succeeded, $"{result.Outcome}: {result.Error}");
        Assert.All(result.Regions.Single().Status.Stages, s => Assert.Equal(StageState.Succeeded, s.State));
        Assert.Equal(new Dictionary<string, (int, int)> { [$"{App}-v000"] = (1, 1) }, await dev.ServerGroupsAsync(App));
        Assert.Equal([$"{App}-v000"], await dev.LaunchTemplatesAsync(App));
        Assert.Equal(1, proxy.Calls.Count(c => c.Operation == "CreateAutoScalingGroup"));
    }

    private static int HealthProbes(FaultProxy proxy) => proxy.Calls.Count(c => c.Operation == "DescribeInstanceHealth");
}
