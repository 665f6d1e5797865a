using Foremast.Api.Extensions;
using Foremast.Api.Health;
using Foremast.Aws.Extensions;
using Foremast.Aws.Health;
using Foremast.Functions.Settings;
using Foremast.Hosting.Http;
using Foremast.Hosting.Storage;
using Foremast.Functions.Storage;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Foremast.Workflows.Extensions;
using Foremast.Api;
using Foremast.Workflows.Notifications;
using Foremast.Workflows.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Foremast.Functions.Extensions;

/// <summary>Everything the Functions app registers: engine and Gate options from app settings, the workflow layer, the shared API.</summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddForemastFunctions(this IServiceCollection services)
    {
        // App settings use "__" for ":" (Foremast__Approvals__SigningKey); the binder sees the same section either way.
        services.AddOptions<ForemastApiOptions>().BindConfiguration(ForemastApiOptions.Section);
        services.AddOptions<GateSettings>().BindConfiguration(GateSettings.Section);
        // Registered before AddForemastWorkflows, whose in-memory default is TryAdd: pipelines live next to the task hub.
        services.AddSingleton<IPipelineStore>(sp => new BlobPipelineStore(
            HostStorage.PipelineContainer(sp.GetRequiredService<IConfiguration>(), BlobPipelineStore.ContainerName)));
        // Registered before AddForemastWorkflows, whose Gate-less publisher is TryAdd.
        services.AddForemastGatePublisher(sp => sp.GetRequiredService<IOptions<GateSettings>>().Value.ToGateOptions());
        // Production deploys: the live AWS executors always (credentials from the managed identity's role, docs/deploy.md).
        services.AddForemastAwsExecutors();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddForemastWorkflows();
        services.AddOptions<ExecutionOptions>().BindConfiguration(ExecutionOptions.Section);
        services.AddForemastApi();
        // GET /api/health: the host's task hub, no worker id of its own, and the live AWS executors' reachability check.
        services.AddSingleton(sp => new HealthCheck(
            new HealthTarget(HostTaskHub.Name(sp.GetRequiredService<IConfiguration>()), Worker: null, sp.GetRequiredService<IOptions<ForemastApiOptions>>().Value.DryRun),
            AwsReachability.HealthField(sp.GetService<AwsReachability>())));
        services.AddHostedService<WebhookStartupCheck>();
        return services;
    }

    /// <summary>
    /// The Foremast traces and metrics: to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set
    /// (signed in with the managed identity that <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names), through OTLP
    /// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is; neither, nothing (docs/operability.md).
    /// </summary>
    /// <returns>Whether any exporter was configured.</returns>
    public static bool AddForemastFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration) =>
        services.AddForemastTelemetry(configuration, "foremast-functions", AzureMonitorAuthentication.Credential(configuration));
}
