using Foremast.Spinnaker.Gate;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Extensions;
using Foremast.Workflows.Pipelines;
using Foremast.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Workflows.Tests.Outbound;

/// <summary>The engine's Gate publisher as a host registers it (IHttpClientFactory, standard resilience handler), against a loopback Gate.</summary>
public sealed class GatePublisherTests
{
    [Fact]
    public async Task A_dry_run_makes_no_call_to_a_configured_gate_and_says_so()
    {
        await using var gate = await LoopbackReceiver.StartAsync();
        using var services = Services(gate);

        var outcome = await services.GetRequiredService<ISpinnakerPublisher>().PublishAsync(Runs.Examples(), [], dryRun: true);

        Assert.Equal(new PublishOutcome(null, GatePublisher.DryRunSkipped), outcome);
        Assert.Empty(gate.Requests);
    }

    [Fact]
    public async Task A_live_publish_goes_through_the_factory_client_which_retries_a_5xx_but_not_a_4xx()
    {
        await using var gate = await LoopbackReceiver.StartAsync(503, 403);
        using var services = Services(gate);

        var error = await Assert.ThrowsAsync<GateException>(() => services.GetRequiredService<ISpinnakerPublisher>().PublishAsync(Runs.Examples(), [], dryRun: false));

        Assert.Equal(2, gate.Requests.Count);
        Assert.All(gate.Requests, r => Assert.Equal("Bearer gate-token", r.Headers["Authorization"]));
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(LoopbackReceiver gate)
    {
        var options = new GateOptions(gate.Url, "gate-token") { RetryBaseDelay = TimeSpan.FromMilliseconds(20), RetryMaxDelay = TimeSpan.FromMilliseconds(50) };
        return new ServiceCollection().AddLogging().AddForemastGatePublisher(_ => options).AddForemastWorkflows().BuildServiceProvider();
    }
}
