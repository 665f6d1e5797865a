using Foremast.Workflows.Extensions;
using Foremast.Workflows.Telemetry;
using Foremast.Workflows.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Foremast.Workflows.Tests.Telemetry;

/// <summary>
/// The standard OTLP and Application Insights settings switch export on; a real HTTP receiver on loopback gets the
/// Foremast spans and metrics.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryExportTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings, out bool configured)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        // Hosts register their IConfiguration; the OTLP exporter reads the OTEL_* settings from it.
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        configured = services.AddForemastTelemetry(configuration, "foremast-test");
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Otlp_endpoint_setting_exports_foremast_spans_and_metrics_over_http_protobuf()
    {
        await using var collector = await LoopbackReceiver.StartAsync();
        await using var services = Services(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }, out var configured);
        var tracing = services.GetRequiredService<TracerProvider>();
        var metrics = services.GetRequiredService<MeterProvider>();
        var spanName = $"stage export-check-{Guid.NewGuid():N}";

        RunTrace.Record(spanName, "run-export", DateTime.UtcNow.AddSeconds(-2), DateTime.UtcNow, [], null);
        ForemastTelemetry.RunsStarted.Add(1, new KeyValuePair<string, object?>(ForemastTelemetry.AppTag, "export-check"));
        Assert.True(tracing.ForceFlush(10_000));
        Assert.True(metrics.ForceFlush(10_000));

        Assert.True(configured);
        var traces = collector.Requests.Where(r => r.Path == "/v1/traces").ToList();
        Assert.Contains(traces, r => r.Body.Contains(spanName, StringComparison.Ordinal) && r.Body.Contains("foremast-test", StringComparison.Ordinal));
        Assert.Contains(collector.Requests, r => r.Path == "/v1/metrics" && r.Body.Contains("foremast.runs.started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Application_insights_connection_string_exports_foremast_spans_and_metrics_to_its_ingestion_endpoint()
    {
        // What Application Insights' ingestion answers when it took every item; the exporter retries anything else.
        await using var ingestion = await LoopbackReceiver.StartAsync((method, path) =>
            method == "POST" && path.EndsWith("/v2.1/track", StringComparison.Ordinal) ? (200, """{"itemsReceived":1,"itemsAccepted":1,"errors":[]}""") : (404, null));
        await using var services = Services(new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = $"InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint={ingestion.Url}",
        }, out var configured);
        var tracing = services.GetRequiredService<TracerProvider>();
        var metrics = services.GetRequiredService<MeterProvider>();
        var spanName = $"stage azure-monitor-check-{Guid.NewGuid():N}";

        RunTrace.Record(spanName, "run-azure-monitor", DateTime.UtcNow.AddSeconds(-2), DateTime.UtcNow, [], null);
        ForemastTelemetry.RunsStarted.Add(1, new KeyValuePair<string, object?>(ForemastTelemetry.AppTag, "azure-monitor-check"));
        Assert.True(tracing.ForceFlush(10_000));
        Assert.True(metrics.ForceFlush(10_000));

        Assert.True(configured);
        var tracks = ingestion.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/v2.1/track", StringComparison.Ordinal)).ToList();
        // The span with the service name as the cloud role, and the metric: each an envelope of the connection string's resource.
        Assert.Contains(tracks, r => r.Body.Contains(spanName, StringComparison.Ordinal) && r.Body.Contains("foremast-test", StringComparison.Ordinal));
        Assert.Contains(tracks, r => r.Body.Contains("foremast.runs.started", StringComparison.Ordinal));
        Assert.All(tracks, r => Assert.Contains("00000000-0000-0000-0000-000000000000", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_is_registered_without_an_exporter_setting()
    {
        // A blank connection string (an app setting left empty) is no setting.
        await using var services = Services(new() { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = " " }, out var configured);

        Assert.False(configured);
        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Console_exporter_is_only_wired_when_asked()
    {
        await using var services = Services(new() { ["Foremast:Telemetry:Console"] = "true" }, out var configured);

        Assert.True(configured);
        Assert.NotNull(services.GetService<TracerProvider>());
    }
}
