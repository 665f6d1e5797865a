using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Core.Templates;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Execution;
using Foremast.Workflows.Infrastructure;
using Foremast.Workflows.Notifications;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Pipelines;
using Foremast.Workflows.Webhooks;
using Foremast.Spinnaker.Gate;
using Foremast.Spinnaker.Generator;
using Foremast.Workflows.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Foremast.Workflows.Extensions;

/// <summary>The one place that wires the workflow layer into a host (Functions app, local engine, test host).</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers the activity interfaces. Recording (dry-run) implementations are the defaults (TryAdd), so a host that
    /// registers real AWS implementations first keeps them, and a host with nothing else runs dry runs end to end with
    /// no cloud. Whether a run is dry is decided per run (<see cref="StageRequest.DryRun"/>); a run that is not dry
    /// fails its first cloud stage on a recorder unless the host sets <see cref="ExecutionOptions.RecordingExecutors"/>.
    /// </summary>
    public static IServiceCollection AddForemastWorkflows(this IServiceCollection services)
    {
        services.AddOptions<ExecutionOptions>();
        services.TryAddSingleton<LiveExecutionGuard>();
        services.TryAddSingleton<IActionRecorder, InMemoryActionRecorder>();
        services.TryAddSingleton<IBaker, DryRunBaker>();
        services.TryAddSingleton<InfrastructureResources>();
        services.TryAddSingleton<DirectInfrastructure>();

        // Always added: InfrastructureResources prefers a live resource of the same kind, so these serve only kinds nothing live covers.
        foreach (var kind in new[] { ResourceKinds.Iam, ResourceKinds.SecurityGroup, ResourceKinds.S3, ResourceKinds.LoadBalancer, ResourceKinds.Dns })
        {
            services.AddSingleton<IInfrastructureResource>(sp => new RecordingInfrastructureResource(kind, sp.GetRequiredService<IActionRecorder>()));
        }

        services.TryAddSingleton<IDeployer, DryRunDeployer>();
        services.TryAddSingleton<IScaling, DryRunScaling>();
        services.TryAddSingleton<IS3Promoter, DryRunS3Promoter>();

        // The live caller is the default: it honours each run's dry-run decision itself (a dry run sends nothing).
        if (!services.Any(d => d.ServiceType == typeof(IWebhookCaller)))
        {
            services.AddHttpClient<IWebhookCaller, HttpWebhookCaller>().AddStandardResilienceHandler();
        }

        // The host binds Foremast:Notifications (this project has no configuration binder).
        services.AddOptions<NotificationOptions>();
        services.TryAddSingleton(sp => new NotificationRenderer(TemplateStore.For(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.TemplatesPath)));
        services.TryAddSingleton(sp => new NotificationSender(new HttpClient { Timeout = TimeSpan.FromSeconds(15) }, sp.GetRequiredService<IOptions<NotificationOptions>>().Value));
        // Approval links come from the HTTP API when this host serves it (both real hosts do); resolved late, since the API registers after.
        services.TryAddSingleton<INotifier>(sp => new DeliveringNotifier(
            sp.GetRequiredService<IActionRecorder>(), sp.GetRequiredService<NotificationSender>(), sp.GetRequiredService<NotificationRenderer>(),
            () => sp.GetService<IApprovalLinks>()));
        services.TryAddSingleton<ILookupsProvider, PlannedLookups>();
        services.TryAddSingleton<IPipelineStore, InMemoryPipelineStore>();
        services.TryAddSingleton(_ => new PipelineGenerator());
        services.AddHttpClient();
        services.TryAddSingleton<ISpinnakerPublisher>(sp => new GatePublisher(null, sp.GetRequiredService<IHttpClientFactory>()));
        return services;
    }

    /// <summary>Adds every orchestrator and activity of a run to a durable task registry.</summary>
    public static DurableTaskRegistry AddForemastTasks(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<DeploymentRunOrchestrator>();
        registry.AddOrchestrator<RegionPipelineOrchestrator>();
        registry.AddOrchestrator<BakeStageOrchestrator>();
        registry.AddOrchestrator<DeployStageOrchestrator>();
        registry.AddOrchestrator<InfrastructureStageOrchestrator>();
        AddInstrumented<ConfigurationActivity>(registry);
        AddInstrumented<GeneratePipelinesActivity>(registry);
        AddInstrumented<BakeActivity>(registry);
        AddInstrumented<ConvergeResourceActivity>(registry);
        AddInstrumented<StartDeployActivity>(registry);
        AddInstrumented<CheckDeployHealthActivity>(registry);
        AddInstrumented<RollbackDeployActivity>(registry);
        AddInstrumented<AttachScalingPolicyActivity>(registry);
        AddInstrumented<CallWebhookActivity>(registry);
        AddInstrumented<PromoteS3Activity>(registry);
        AddInstrumented<NotifyActivity>(registry);
        return registry;
    }

    /// <summary>Each activity runs inside its stage's log scope and span (<see cref="InstrumentedActivity"/>).</summary>
    private static void AddInstrumented<TActivity>(DurableTaskRegistry registry)
        where TActivity : class, ITaskActivity =>
        registry.AddActivity(typeof(TActivity).Name, sp => InstrumentedActivity.Create<TActivity>(sp));

    /// <summary>Publishes runs' pipelines to the Gate the host configures (null: none), over the resilient Gate client of <see cref="GateHttp"/>.</summary>
    public static IServiceCollection AddForemastGatePublisher(this IServiceCollection services, Func<IServiceProvider, GateOptions?> gate)
    {
        services.AddGateHttpClient(gate);
        services.AddSingleton<ISpinnakerPublisher>(sp => new GatePublisher(gate(sp), sp.GetRequiredService<IHttpClientFactory>()));
        return services;
    }
}
