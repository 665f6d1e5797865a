using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Extensions;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Workflows.Tests.Support;

/// <summary>A host whose infrastructure resources are probes (every other executor is the default recorder).</summary>
public sealed class InfrastructureHost : IAsyncLifetime, ITestHost
{
    private DurableTaskTestHost? _host;

    public DurableTaskTestHost Host => _host ?? throw new InvalidOperationException("host not started");

    public ResourceProbe Probe => Host.Services.GetRequiredService<ResourceProbe>();

    public async Task InitializeAsync() => _host = await DurableHosts.StartAsync(services =>
    {
        services.AddSingleton<ResourceProbe>();
        foreach (var kind in new[] { ResourceKinds.Iam, ResourceKinds.SecurityGroup, ResourceKinds.S3, ResourceKinds.LoadBalancer, ResourceKinds.Dns })
        {
            services.AddSingleton<IInfrastructureResource>(sp => new ProbeResource(kind, sp.GetRequiredService<ResourceProbe>()));
        }

        services.AddForemastWorkflows();
    });

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
