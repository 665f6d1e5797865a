using Foremast.Aws.Tests.Support;
using Foremast.EndToEnd.Tests.Support;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Xunit.Abstractions;
using static Foremast.EndToEnd.Tests.Support.ExampleOnMoto;

namespace Foremast.EndToEnd.Tests;

/// <summary>A permission error is final: no retry by the AWS pipeline nor by the stage, one clear line, nothing after it runs.</summary>
public sealed class AwsPermissionErrorThroughEngineTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Access_denied_fails_infrastructure_setup_once_with_one_line_and_runs_nothing_after_it()
    {
        var accounts = await SeedAsync(moto.Url);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.AccessDenied, int.MaxValue, c => c.Operation == "CreateRole");
        await using var builders = PlayBakeBuilders(moto.Url, accounts);
        await using var engine = await EngineOnMoto.StartAsync(proxy.Url, accounts);

        var result = await engine.RunAsync(Snapshot(), new ArtifactRef("3.0.0", "https://artifacts.example.com/webshop-3.0.0.rpm"), TimeSpan.FromMinutes(3));

        var region = result.Regions.Single();
        output.WriteLine($"{result.Outcome}: {region.FailedStage}: {region.Error}");
        Assert.Equal(RunOutcome.Failed, result.Outcome);
        Assert.Equal("Infrastructure Setup [dev]", region.FailedStage);
        var failed = region.Status.Stages.Single(s => s.Name == "Infrastructure Setup [dev]");
        Assert.Equal(StageState.Failed, failed.State);
        Assert.Contains("CreateRole failed: AccessDenied", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failed.Error!);
        Assert.DoesNotContain("   at ", failed.Error, StringComparison.Ordinal);
        Assert.Equal(1, proxy.Calls.Count(c => c.Operation == "CreateRole"));
        Assert.All(region.Status.Stages.SkipWhile(s => s.Name != failed.Name).Skip(1), s => Assert.Equal(StageState.Skipped, s.State));
    }
}
