using Foremast.Spinnaker.Gate;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Extensions;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Workflows.Tests.Support;

/// <summary>
/// A host set up as a live one: live executor doubles for every cloud stage, the real webhook caller and a real Gate
/// publisher, both pointed at loopback receivers that record whatever reaches them.
/// </summary>
public sealed class LiveDoublesHost : IAsyncLifetime, ITestHost
{
    private DurableTaskTestHost? _host;

    public DurableTaskTestHost Host => _host ?? throw new InvalidOperationException("host not started");

    public MutationTrap Trap => Host.Services.GetRequiredService<MutationTrap>();

    public LoopbackReceiver Gate { get; private set; } = null!;

    public LoopbackReceiver Hooks { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Gate = await LoopbackReceiver.StartAsync(FakeGate);
        Hooks = await LoopbackReceiver.StartAsync();
        _host = await DurableHosts.StartAsync(services =>
        {
            services.AddSingleton<MutationTrap>();
            services.AddSingleton<IBaker, LiveBaker>();
            services.AddSingleton<IDeployer, LiveDeployer>();
            services.AddSingleton<IScaling, LiveScaling>();
            services.AddSingleton<IS3Promoter, LiveS3Promoter>();
            foreach (var kind in new[] { ResourceKinds.Iam, ResourceKinds.SecurityGroup, ResourceKinds.S3, ResourceKinds.LoadBalancer, ResourceKinds.Dns })
            {
                services.AddSingleton<IInfrastructureResource>(sp => new LiveResource(kind, sp.GetRequiredService<MutationTrap>()));
            }

            services.AddForemastGatePublisher(_ => new GateOptions(Gate.Url, "gate-token"));
            services.AddForemastWorkflows();
        });
    }

    /// <summary>Just enough of Gate for a publish to succeed: tasks succeed at once, the app has no pipelines yet.</summary>
    private static (int, string?) FakeGate(string method, string path) => (method, path) switch
    {
        ("POST", "/tasks") => (200, """{"ref": "/tasks/t1"}"""),
        ("GET", "/tasks/t1") => (200, """{"id": "t1", "status": "SUCCEEDED"}"""),
        ("GET", _) when path.EndsWith("/pipelineConfigs", StringComparison.Ordinal) => (200, "[]"),
        _ => (200, null),
    };

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await Gate.DisposeAsync();
        await Hooks.DisposeAsync();
    }
}
