using Foremast.Aws.Tests.Support;
using Foremast.EndToEnd.Tests.Support;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Xunit.Abstractions;
using static Foremast.EndToEnd.Tests.Support.ExampleOnMoto;

namespace Foremast.EndToEnd.Tests;

/// <summary>
/// A red/black deploy whose new group never gets healthy, through the engine against moto: the fault proxy in front of moto
/// reports every instance out of service on the load balancer, and the run's deploy timeout (<see cref="RunOptions.DeployTimeout"/>)
/// is short, so the rollback activity runs within seconds.
/// </summary>
public sealed class DeployRollbackThroughEngineTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Redblack_group_that_never_gets_healthy_is_rolled_back_and_the_previous_group_keeps_serving()
    {
        var accounts = await SeedAsync(moto.Url, "dev");
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        await using var builders = PlayBakeBuilders(moto.Url, accounts);
        await using var engine = await EngineOnMoto.StartAsync(proxy.Url, accounts);
        var snapshot = DevSnapshot("redblack");
        var dev = new MotoState(Session(moto.Url, accounts, "dev"));

        var first = await engine.RunAsync(snapshot, new ArtifactRef("1.0.0", "https://artifacts.example.com/webshop-1.0.0.rpm"), TimeSpan.FromMinutes(2));
        Assert.True(first.Outcome == RunOutcome.Succeeded, $"first run: {first.Outcome} {first.Error}");
        Assert.Equal(new Dictionary<string, (int, int)> { [$"{App}-v000"] = (1, 1) }, await dev.ServerGroupsAsync(App));

        // From now on the load balancer, as the engine sees it, never has an instance in service.
        proxy.Rewrite((call, body) => call.Operation == "DescribeInstanceHealth" ? body.Replace("<State>InService</State>", "<State>OutOfService</State>", StringComparison.Ordinal) : null);
        var second = await engine.RunAsync(snapshot, new ArtifactRef("1.0.1", "https://artifacts.example.com/webshop-1.0.1.rpm"), TimeSpan.FromMinutes(2),
            options => options with { DeployTimeout = TimeSpan.FromSeconds(2) });

        var region = second.Regions.Single();
        output.WriteLine($"{second.Outcome}: {region.FailedStage}: {region.Error}");
        Assert.Equal(RunOutcome.Failed, second.Outcome);
        Assert.Equal("Deploy dev", region.FailedStage);
        var deploy = region.Status.Stages.Single(s => s.Name == "Deploy dev");
        Assert.Equal(StageState.Failed, deploy.State);
        Assert.Equal($"{App}-v001 rolled back: {App}-v001 not healthy within 00:00:02: 0 of 1 instances healthy (load balancer health); {App}-v000 serves", deploy.Error);
        Assert.DoesNotContain('\n', region.Error!);
        Assert.Equal(1, proxy.Calls.Count(c => c.Operation == "DeleteAutoScalingGroup"));

        // In the account (read past the proxy): v001 and its template are gone; v000 kept its healthy instance, its capacity and
        // its load balancer, and nothing keeps replacements out of it. (Not asserted: the load balancer's own instance list. moto
        // deregisters every instance of a load balancer that is not in the group it is updating, so attaching v001 dropped
        // v000's instance there; AWS only deregisters a group's own instances.)
        Assert.Equal(new Dictionary<string, (int, int)> { [$"{App}-v000"] = (1, 1) }, await dev.ServerGroupsAsync(App));
        Assert.Equal([$"{App}-v000"], await dev.LaunchTemplatesAsync(App));
        Assert.Equal([App], await dev.GroupLoadBalancersAsync($"{App}-v000"));
        Assert.Empty(await dev.SuspendedProcessesAsync($"{App}-v000"));
    }
}
