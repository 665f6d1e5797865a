using System.Runtime.CompilerServices;
using Foremast.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Foremast.Cli.Run;

/// <summary>
/// A local engine inside the <c>foremast run</c> process, on a free port, for runs without <c>--server</c>. Its
/// AzuriteLauncher starts Azurite when nothing listens on the storage ports and stops it again on dispose.
/// </summary>
public sealed class InProcessEngine : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StrongBox<bool> _quiet;
    private bool _stopped;

    private InProcessEngine(WebApplication app, StrongBox<bool> quiet)
    {
        _app = app;
        _quiet = quiet;
    }

    public Uri Url => _app.HttpUrl();

    /// <summary>The task hub the engine works on: another engine on the same hub (e.g. <c>foremast serve --hub</c>) picks its runs up.</summary>
    public string TaskHub => _app.Services.GetRequiredService<IOptions<LocalEngineOptions>>().Value.TaskHub;

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

        var builder = LocalEngine.CreateBuilder(settings: defaults);
        builder.Services.AddSingleton<IHostLifetime, CommandOwnedLifetime>();

        // After a signal the follower's one line says where the run stands. The engine's own warning that work was left
        // for the next engine says it again, and Kestrel logs the follower's aborted request with a stack trace: from
        // then on only critical messages of those categories show. Until then the levels are LocalEngine's (Warning).
        var quiet = new StrongBox<bool>();
        foreach (var category in new[] { "Foremast", "Microsoft.AspNetCore" })
        {
            builder.Logging.AddFilter(category, level => level >= (quiet.Value ? LogLevel.Critical : LogLevel.Warning));
        }
        // A start that fails or is stopped (Ctrl+C during Azurite's first-use install) is reported by the command in one
        // line; the host's own "Hosting failed to start" would add a stack trace. Its later messages (a background
        // service that failed) still show.
        var starting = new StrongBox<bool>(true);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", level => !starting.Value && level >= LogLevel.Warning);
        var app = LocalEngine.Build(builder);
        try
        {
            await app.StartAsync(cancellationToken);
            starting.Value = false;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new InProcessEngine(app, quiet);
    }

    /// <summary>
    /// Stops the engine within about <paramref name="budget"/>: work in flight is abandoned (its durable state stays in
    /// storage and is picked up again by the next engine on the hub), and an Azurite it started is stopped.
    /// </summary>
    /// <param name="quiet">Only critical messages from the engine and its HTTP server while it stops (the caller has said what happens to the run).</param>
    public async Task StopAsync(TimeSpan budget, bool quiet = false)
    {
        if (_stopped) return;
        _stopped = true;
        _quiet.Value = quiet;
        using var cts = new CancellationTokenSource(budget);
        try
        {
            await _app.StopAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Out of budget: what did not stop in time is dropped with the process.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped) await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
