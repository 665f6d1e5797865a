using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Foremast.Workflows.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Foremast.Workflows.Extensions;

/// <summary>Wires the <see cref="ForemastTelemetry"/> source and meter to the standard OpenTelemetry exporters, for any host.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured (traces, metrics and logs, the logs with their scopes:
    /// RunId, Region, Env, Stage); Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is (traces and metrics);
    /// the console exporter when <c>Foremast:Telemetry:Console</c> is true. None: nothing is registered, and the
    /// instruments cost nothing.
    /// </summary>
    /// <param name="serviceName">Resource service name unless <c>OTEL_SERVICE_NAME</c> says otherwise (Application Insights' cloud role name).</param>
    /// <param name="azureMonitorCredential">
    /// Entra ID credential for an Application Insights resource with local authentication off; null sends with the
    /// connection string's instrumentation key alone.
    /// </param>
    /// <returns>Whether any exporter was configured.</returns>
    public static bool AddForemastTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName, TokenCredential? azureMonitorCredential = null)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = TelemetryOptions.OtlpConfigured(name => configuration[name]);
        var azureMonitor = TelemetryOptions.AzureMonitorConnectionString(name => configuration[name]);
        if (!otlp && azureMonitor is null && !options.Console) return false;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } named ? named : serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ForemastTelemetry.Name);
                if (options.Console) tracing.AddConsoleExporter();
                // Per signal rather than UseAzureMonitorExporter, which also adds live metrics and a log exporter. Logs stay
                // out: the Functions host already sends the worker's log lines to Application Insights, and a second copy
                // would double every line there.
                if (azureMonitor is not null) tracing.AddAzureMonitorTraceExporter(o => AzureMonitor(o, azureMonitor, azureMonitorCredential));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ForemastTelemetry.Name);
                if (options.Console) metrics.AddConsoleExporter();
                if (azureMonitor is not null) metrics.AddAzureMonitorMetricExporter(o => AzureMonitor(o, azureMonitor, azureMonitorCredential));
            });
        if (otlp)
        {
            // One call for traces, metrics and logs; endpoint, protocol and headers come from the standard OTEL_* settings.
            telemetry.UseOtlpExporter();
            services.Configure<OpenTelemetryLoggerOptions>(o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            });
        }

        return true;
    }

    private static void AzureMonitor(AzureMonitorExporterOptions options, string connectionString, TokenCredential? credential)
    {
        // Set here, not left to the exporter's own lookup, so the host's configuration (app settings, tests) decides.
        options.ConnectionString = connectionString;
        if (credential is not null) options.Credential = credential;
        // Every span: a run makes a few dozen, and the exporter's default rate-limited sampler starts with no budget, so it
        // dropped the first spans after start-up (a run's stages recorded right after a cold start would be missing).
        options.TracesPerSecond = null;
        options.SamplingRatio = 1.0F;
        // Only the Foremast source and meter: without these the exporter also derives request/dependency metrics from
        // every span and samples the process's CPU and memory, which the Functions platform already reports.
        options.EnableStandardMetrics = false;
        options.EnablePerformanceCounters = false;
    }
}
