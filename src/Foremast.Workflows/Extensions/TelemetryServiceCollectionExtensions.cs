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
    /// RunId, Region, Env, Stage); the console exporter when <c>Foremast:Telemetry:Console</c> is true. Neither: nothing is
    /// registered, and the instruments cost nothing.
    /// </summary>
    /// <param name="serviceName">Resource service name unless <c>OTEL_SERVICE_NAME</c> says otherwise.</param>
    /// <returns>Whether any exporter was configured.</returns>
    public static bool AddForemastTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = TelemetryOptions.OtlpConfigured(name => configuration[name]);
        if (!otlp && !options.Console) return false;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } named ? named : serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ForemastTelemetry.Name);
                if (options.Console) tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ForemastTelemetry.Name);
                if (options.Console) metrics.AddConsoleExporter();
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
}
