using DurableTask.Core;
using Foremast.Local;
using Foremast.Local.Azurite;
using Foremast.Tests.Shared;
using Foremast.Workflows.Activities.Interfaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Dashboard.Tests.Support;

/// <summary>
/// One local engine (worker, HTTP API, dashboard) in the test process on a fresh task hub of the suite's Azurite,
/// shared by the tests of a class: starting an engine costs seconds, a run on it well under that.
/// </summary>
public sealed class DashboardEngine : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri Url { get; private set; } = null!;

    public string Hub { get; } = $"dash{Guid.NewGuid():N}"[..20];

    public async Task InitializeAsync()
    {
        if (!await AzuritePorts.AllOpenAsync())
        {
            throw new InvalidOperationException("Azurite is not reachable on 127.0.0.1:10000-10002. Run the tests through `bash scripts/test.sh`, " +
                                                "or start it first: `source scripts/services.sh && services_start`.");
        }

        var keyFile = Path.Combine(Path.GetTempPath(), "foremast-dashboard-tests", $"approval-{Guid.NewGuid():N}.key");
        var builder = LocalEngine.CreateBuilder(settings: new Dictionary<string, string?>
        {
            ["Foremast:Local:TaskHub"] = Hub,
            ["Foremast:Local:Port"] = "0",
            ["Foremast:Local:StorageConnectionString"] = LocalEngineOptions.DevelopmentStorage,
            ["Foremast:Local:ApprovalKeyFile"] = keyFile,
            ["Foremast:Local:ShutdownTimeout"] = "00:00:02",
            ["Foremast:Local:MaxQueuePollingInterval"] = "00:00:00.500",
            ["Foremast:ConfigFile"] = Path.Combine(Fixtures.Examples, "foremast-config.json"),
            // Real waits shortened: health polls and retries take milliseconds, checkpoints stay open for the test's length.
            ["Foremast:Tuning:HealthPollInterval"] = "00:00:00.200",
            ["Foremast:Tuning:RetryFirstDelay"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        // One artifact version bakes only on its second try, so a run page has a retried stage to show.
        builder.Services.AddSingleton<IBaker, FlakyBaker>();
        _app = LocalEngine.Build(builder);
        await _app.StartAsync();
        Url = _app.HttpUrl();
    }

    /// <summary>Stops the engine and deletes its task hub, so a developer's long-lived Azurite does not fill up.</summary>
    public async Task DisposeAsync()
    {
        if (_app is null) return;
        // Stopped first: deleting the queues under a running worker makes it log a failure per poll.
        await _app.StopAsync();
        try
        {
            await _app.Services.GetRequiredService<IOrchestrationService>().DeleteAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or Azure.RequestFailedException)
        {
            // Leftover hubs are only clutter; every run of the tests uses a fresh name.
        }

        await _app.DisposeAsync();
    }
}
