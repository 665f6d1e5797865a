using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Local.Tests.Support;

/// <summary>
/// The test's own view of a task hub: a client-only local engine in the test process (no worker), so the test keeps
/// its DurableTaskClient while the engine processes it drives are killed and restarted.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HubClient(WebApplication app) => _app = app;

    public DurableTaskClient Client => _app.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The hub's storage provider, as the engine's own health route reads it.</summary>
    public IOrchestrationServiceClient Storage => _app.Services.GetRequiredService<IOrchestrationServiceClient>();

    public static async Task<HubClient> ConnectAsync(string hub)
    {
        await AzuriteRequirement.EnsureRunningAsync();
        var app = LocalEngine.Build(LocalEngine.CreateBuilder(settings: new Dictionary<string, string?>
        {
            ["Foremast:Local:TaskHub"] = hub,
            ["Foremast:Local:Port"] = "0",
            ["Foremast:Local:RunWorker"] = "false",
            ["Foremast:Local:StorageConnectionString"] = LocalEngineOptions.DevelopmentStorage,
            ["Foremast:Local:ShutdownTimeout"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await app.StartAsync();
        return new HubClient(app);
    }

    /// <summary>Deletes the test's task hub (engines on it are gone by now), so a developer's long-lived Azurite does not fill up.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.Services.GetRequiredService<IOrchestrationService>().DeleteAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or Azure.RequestFailedException)
        {
            // Leftover hubs are only clutter; every test uses a fresh name.
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
