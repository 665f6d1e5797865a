using Foremast.Aws;
using Foremast.Aws.Extensions;
using Foremast.Local.Extensions;
using Foremast.Api;
using Foremast.Workflows.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Foremast.Local;

/// <summary>
/// Builds the local durable engine: one ASP.NET Core process that runs the workflow orchestrations on Azurite
/// (or any Azure Storage account) and serves the HTTP API. Hosts may add their own endpoints before <see cref="Build"/>.
/// </summary>
public static class LocalEngine
{
    /// <param name="settings">Overrides of <c>Foremast:Local:*</c> (e.g. from command-line flags); they win over environment variables.</param>
    public static WebApplicationBuilder CreateBuilder(string[]? args = null, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [] });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);

        // DurableTask.Core and the storage provider log every dispatch at Information; the engine's own messages stay visible.
        // While storage is unreachable they (and the sidecar's gRPC calls) also log a failure with a stack trace per poll
        // and per request: StorageMonitor has said so in one line, so those stay out until storage is back.
        var storage = new StorageHealth();
        builder.Services.AddSingleton(storage);
        foreach (var category in new[] { "DurableTask", "Microsoft.DurableTask", "Grpc" })
        {
            builder.Logging.AddFilter(category, level => level >= LogLevel.Warning && (level >= LogLevel.Critical || !storage.IsDown));
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // The outbound HTTP resilience handler (completion webhooks, Gate) logs each retried attempt with its exception's
        // stack trace; the stage's own status and error line already say what happened, so people never see those traces.
        builder.Logging.AddFilter("Polly", LogLevel.None);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        // Live AWS executors come first (the workflow layer's recorders are only defaults) when this machine names an AWS account.
        if (AwsActivation.IsEnabled(builder.Configuration.GetValue<bool?>(AwsActivation.EnabledKey), webIdentityRoleArn: builder.Configuration[AwsActivation.WebIdentityRoleArnKey])) builder.Services.AddForemastAwsExecutors();
        builder.Services.AddForemastLocalEngine();
        // Traces, metrics and logs through OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; console only when asked (docs/operability.md).
        builder.Services.AddForemastTelemetry(builder.Configuration, "foremast-engine");
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.MapForemastLocalEngine();
        return app;
    }

    /// <summary>The HTTP API's base URL once the engine has started (the sidecar's private socket is not listed).</summary>
    public static Uri HttpUrl(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var http = addresses.FirstOrDefault(a => !a.StartsWith("http://unix:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("the engine has not started listening yet");
        return new Uri(http);
    }
}
