using System.Text.Json;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Orchestrations;

namespace Foremast.Workflows.Tests.Unit;

public sealed class DryRunDeployerTests
{
    private static readonly StageRequest Request = new("run-1", "app", "us-east-1", "dev", "3", "Deploy dev", new ArtifactRef("1.0.0", "https://example.com/app.rpm"), JsonDocument.Parse("{}").RootElement, DryRun: true);

    [Fact]
    public async Task Health_follows_the_probe_number_the_orchestration_passes_so_a_new_engine_continues_the_count()
    {
        var recorder = new InMemoryActionRecorder();
        var crashed = new DryRunDeployer(recorder);
        var handle = await crashed.StartAsync(Request, "ami-1", CancellationToken.None);
        Assert.Equal(HealthState.Pending, (await crashed.CheckHealthAsync(Request, handle, 1, CancellationToken.None)).State);

        // Another engine's deployer (nothing in common with the first but the orchestration's probe number) takes over.
        var takeover = new DryRunDeployer(recorder);
        Assert.Equal(HealthState.Healthy, (await takeover.CheckHealthAsync(Request, handle, DryRunDeployer.ChecksUntilHealthy, CancellationToken.None)).State);
        Assert.Equal([$"{handle.ServerGroup} probe 1", $"{handle.ServerGroup} probe 2"], recorder.Actions.Where(a => a.Action == "check-health").Select(a => a.Summary));
    }

    [Fact]
    public async Task The_same_probe_asked_twice_gets_the_same_answer()
    {
        var deployer = new DryRunDeployer(new InMemoryActionRecorder());
        var handle = await deployer.StartAsync(Request, "ami-1", CancellationToken.None);

        // An activity run twice (at least once) must not advance the count.
        Assert.Equal(HealthState.Pending, (await deployer.CheckHealthAsync(Request, handle, 1, CancellationToken.None)).State);
        Assert.Equal(HealthState.Pending, (await deployer.CheckHealthAsync(Request, handle, 1, CancellationToken.None)).State);
    }
}
