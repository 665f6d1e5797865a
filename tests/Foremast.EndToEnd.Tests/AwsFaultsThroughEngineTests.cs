using Foremast.Aws.Tests.Support;
using Foremast.EndToEnd.Tests.Support;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Xunit.Abstractions;
using static Foremast.EndToEnd.Tests.Support.ExampleOnMoto;

namespace Foremast.EndToEnd.Tests;

/// <summary>
/// AWS misbehaving under a real run: a loopback fault proxy sits between the engine's executors and moto (seeding and the
/// stand-in for the bake builder talk to moto directly).
/// </summary>
public sealed class AwsFaultsThroughEngineTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Run_completes_through_throttling_unavailable_answers_and_dropped_connections()
    {
        var accounts = await SeedAsync(moto.Url);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.Throttle, 2, c => c.Service == "iam")
            .Fail(FaultKind.Unavailable, 2, c => c.Service == "ec2")
            .Fail(FaultKind.Drop, 2, c => c.Service == "elasticloadbalancing");
        await using var builders = PlayBakeBuilders(moto.Url, accounts);
        await using var engine = await EngineOnMoto.StartAsync(proxy.Url, accounts);

        var result = await engine.RunAsync(Snapshot(), new ArtifactRef("2.0.0", "https://artifacts.example.com/webshop-2.0.0.rpm"), TimeSpan.FromMinutes(3));

        output.WriteLine($"{result.Outcome} {result.Error}; {proxy.FaultsServed} faults served, {proxy.Calls.Count} calls through the proxy");
        Assert.Equal(6, proxy.FaultsServed);
        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        Assert.All(result.Regions.Single().Status.Stages, s => Assert.Equal(StageState.Succeeded, s.State));
        var stage = new MotoState(Session(moto.Url, accounts, "stage"));
        Assert.Equal(new Dictionary<string, (int, int)> { [$"{App}-v000"] = (2, 2) }, await stage.ServerGroupsAsync(App));
    }
}
