namespace Foremast.Workflows.Telemetry;

/// <summary>
/// <c>Foremast:Telemetry</c>. OTLP export needs no option of its own: it is on when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or its <c>_TRACES_</c>/<c>_METRICS_</c>/<c>_LOGS_</c> variants) is set, and reads the
/// other standard <c>OTEL_*</c> variables (protocol, headers, service name). Azure Monitor needs none either: it is on
/// when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, the setting Azure gives a Functions app with Application Insights.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Foremast:Telemetry";

    /// <summary>Print spans and metrics on standard output. Only when asked; <c>foremast run</c> never does (its output is the run).</summary>
    public bool Console { get; set; }

    public static bool OtlpConfigured(Func<string, string?> setting) =>
        new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT" }
            .Any(name => !string.IsNullOrWhiteSpace(setting(name)));

    /// <summary>The standard Application Insights setting; its <c>IngestionEndpoint</c> says where telemetry goes.</summary>
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <returns>The Application Insights connection string, or null when none is set (nothing goes to Azure Monitor).</returns>
    public static string? AzureMonitorConnectionString(Func<string, string?> setting) =>
        setting(AzureMonitorSetting) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
