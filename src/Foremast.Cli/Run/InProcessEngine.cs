using Foremast.Local;
using Microsoft.AspNetCore.Builder;

namespace Foremast.Cli.Run;

/// <summary>
/// A local engine inside the <c>foremast run</c> process, on a free port, for runs without <c>--server</c>. Its
/// AzuriteLauncher starts Azurite when nothing listens on the storage ports and stops it again on dispose.
/// </summary>
public sealed class InProcessEngine : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessEngine(WebApplication app) => _app = app;

    public Uri Url => _app.HttpUrl();

    public static async Task<InProcessEngine> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings, CancellationToken cancellationToken)
    {
        var defaults = new Dictionary<string, string?>
        {
            [$"{LocalEngineOptions.Section}:{nameof(LocalEngineOptions.Port)}"] = "0",
            // The engine's own log lines would tear the live progress table; warnings and errors still show.
            ["Logging:LogLevel:Default"] = "Warning",
            // Dry-run deploys report healthy after a couple of probes: waiting the production 10 s between them only slows the run.
            ["Foremast:Tuning:HealthPollInterval"] = "00:00:00.500",
            ["Foremast:Tuning:RetryFirstDelay"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings) defaults[key] = value;
        // Standard output is the run's progress and result: the console exporter never writes there (OTLP still works).
        defaults["Foremast:Telemetry:Console"] = "false";

        var app = LocalEngine.Build(LocalEngine.CreateBuilder(settings: defaults));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new InProcessEngine(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
