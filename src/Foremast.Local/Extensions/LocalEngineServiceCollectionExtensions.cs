using Foremast.Api.Extensions;
using Foremast.Api.Health;
using Foremast.Aws.Health;
using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Foremast.Hosting.Http;
using Foremast.Local.Azurite;
using Foremast.Local.DryRun;
using Foremast.Local.Http;
using Foremast.Local.Sidecar;
using Foremast.Local.Storage;
using Foremast.Local.Worker;
using Foremast.Hosting.Storage;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Execution;
using Foremast.Workflows.Extensions;
using Foremast.Api;
using Foremast.Workflows.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Foremast.Local.Extensions;

/// <summary>The one place that wires the local engine: storage, worker, gRPC sidecar, DurableTaskClient, HTTP listener.</summary>
public static class LocalEngineServiceCollectionExtensions
{
    public static IServiceCollection AddForemastLocalEngine(this IServiceCollection services)
    {
        services.AddOptions<LocalEngineOptions>().BindConfiguration(LocalEngineOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalEngineOptions>, LocalEngineOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<LocalEngineOptions>>((host, o) => host.ShutdownTimeout = o.Value.ShutdownTimeout);

        // Hosted services start in registration order: storage must answer before the worker creates the task hub.
        services.AddHostedService<AzuriteLauncher>();

        services.AddSingleton(sp => OrchestrationServiceFactory.Create(Options(sp), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());

        // Registered before AddForemastWorkflows, whose dry-run defaults are TryAdd and so keep this choice.
        services.AddSingleton<IActionRecorder>(sp => Options(sp) is { ActionsLog: { Length: > 0 } path } o
            ? new FileActionRecorder(path, o.EffectiveWorkerId)
            : new InMemoryActionRecorder());
        services.AddSingleton<IPipelineStore>(sp => BlobPipelineStore.Create(Options(sp).EffectiveConnectionString));
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddForemastWorkflows();
        services.AddOptions<ExecutionOptions>().BindConfiguration(ExecutionOptions.Section);

        // The shared HTTP API, with the same "Foremast" section binding as the Functions app.
        services.AddOptions<ForemastApiOptions>().BindConfiguration(ForemastApiOptions.Section);
        services.AddSingleton<IPostConfigureOptions<ForemastApiOptions>, LocalApiOptionsSetup>();
        services.AddForemastApi();
        // GET /api/health: the worker id only when this engine processes work; AWS reachability when it wires the live executors.
        services.AddSingleton(sp =>
        {
            var o = Options(sp);
            return new HealthCheck(new HealthTarget(o.TaskHub, o.RunWorker ? o.EffectiveWorkerId : null, o.DryRun), AwsReachability.HealthField(sp.GetService<AwsReachability>()));
        });
        services.AddHostedService<WebhookStartupCheck>();

        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(tasks => tasks.AddForemastTasks());
            worker.UseBuildTarget<CoreTaskHubWorker>();
        });

        // After the worker, which creates the task hub: a probe of a hub not created yet would report an outage.
        services.AddHostedService<StorageMonitor>();

        // The sidecar only serves the client API here; the TaskHubWorker above does the dispatching.
        services.AddGrpc();
        services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerOnly);
        services.AddSingleton<TaskHubGrpcServer>();
        services.AddSingleton<SidecarSocket>();
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc();
            client.RegisterDirectly();
            client.Services.AddOptions<GrpcDurableTaskClientOptions>(client.Name).Configure<SidecarSocket>((o, socket) => o.Channel = socket.Channel);
        });

        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LocalEngineOptions>, SidecarSocket>((kestrel, o, socket) =>
        {
            kestrel.Listen(IPAddress.Parse(o.Value.Host), o.Value.Port, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.ListenUnixSocket(socket.Path, listen => listen.Protocols = HttpProtocols.Http2);
        });
        return services;
    }

    /// <summary>Maps the sidecar's gRPC service, <c>GET /api/health</c>, every route of the shared HTTP API and the dashboard at <c>/</c>.</summary>
    public static IEndpointRouteBuilder MapForemastLocalEngine(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<TaskHubGrpcServer>();
        endpoints.MapGet(HealthEndpoint.Route, HealthEndpoint.HandleAsync);
        ApiEndpoints.Map(endpoints);
        DashboardEndpoints.Map(endpoints);
        return endpoints;
    }

    private static LocalEngineOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<LocalEngineOptions>>().Value;
}
