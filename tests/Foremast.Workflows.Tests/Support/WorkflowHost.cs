using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Extensions;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Workflows.Tests.Support;

/// <summary>One in-process durable host per test class (xUnit class fixture), with scripted executors over the recording ones.</summary>
public sealed class WorkflowHost : IAsyncLifetime, ITestHost
{
    /// <summary>Services a test host adds before the workflow defaults (which are TryAdd, so these win).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    private DurableTaskTestHost? _host;

    public DurableTaskTestHost Host => _host ?? throw new InvalidOperationException("host not started");

    public IActionRecorder Recorder => Host.Services.GetRequiredService<IActionRecorder>();

    public StageScript Script => Host.Services.GetRequiredService<StageScript>();

    public async Task InitializeAsync()
    {
        _host = await DurableHosts.StartAsync(Configure);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    private void Configure(IServiceCollection services)
    {
        ConfigureServices?.Invoke(services);
        services.AddSingleton<StageScript>();
        services.AddSingleton<DryRunBaker>();
        services.AddSingleton<DryRunScaling>();
        services.AddSingleton<DryRunWebhookCaller>();
        services.AddSingleton<DryRunDeployer>();
        services.AddSingleton<IDeployer, ScriptedDeployer>();
        services.AddSingleton<IBaker, ScriptedBaker>();
        foreach (var kind in new[] { ResourceKinds.Iam, ResourceKinds.SecurityGroup, ResourceKinds.S3, ResourceKinds.LoadBalancer, ResourceKinds.Dns })
        {
            services.AddSingleton<IInfrastructureResource>(sp => new ScriptedInfrastructureResource(
                new RecordingInfrastructureResource(kind, sp.GetRequiredService<IActionRecorder>()), sp.GetRequiredService<StageScript>(), sp.GetRequiredService<IActionRecorder>()));
        }

        services.AddSingleton<IScaling, ScriptedScaling>();
        services.AddSingleton<IWebhookCaller, ScriptedWebhookCaller>();
        services.AddForemastWorkflows();
    }
}
