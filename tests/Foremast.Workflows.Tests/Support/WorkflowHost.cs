using System.Net;
using System.Net.Sockets;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Extensions;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Workflows.Tests.Support;

/// <summary>
/// One in-process durable host per test class (xUnit class fixture). Test classes run in parallel, so each host
/// takes a port the OS reports free instead of the test host's random pick, which can collide.
/// </summary>
public sealed class WorkflowHost : IAsyncLifetime
{
    /// <summary>Services a test host adds before the workflow defaults (which are TryAdd, so these win).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    private DurableTaskTestHost? _host;

    public DurableTaskTestHost Host => _host ?? throw new InvalidOperationException("host not started");

    public IActionRecorder Recorder => Host.Services.GetRequiredService<IActionRecorder>();

    public StageScript Script => Host.Services.GetRequiredService<StageScript>();

    public async Task InitializeAsync()
    {
        // The sidecar host logs every gRPC call at Information; it reads this when it is built.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        _host = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddForemastTasks(),
            new DurableTaskTestHostOptions { Port = FreePort(), ConfigureServices = Configure });
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
        services.AddSingleton<DryRunInfrastructure>();
        services.AddSingleton<DryRunScaling>();
        services.AddSingleton<DryRunWebhookCaller>();
        services.AddSingleton<DryRunDeployer>();
        services.AddSingleton<IDeployer, ScriptedDeployer>();
        services.AddSingleton<IBaker, ScriptedBaker>();
        services.AddSingleton<IInfrastructure, ScriptedInfrastructure>();
        services.AddSingleton<IScaling, ScriptedScaling>();
        services.AddSingleton<IWebhookCaller, ScriptedWebhookCaller>();
        services.AddForemastWorkflows();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
