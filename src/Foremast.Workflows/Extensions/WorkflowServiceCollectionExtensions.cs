using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Core.Templates;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Http;
using Foremast.Workflows.Notifications;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Pipelines;
using Foremast.Spinnaker.Generator;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Foremast.Workflows.Extensions;

/// <summary>The one place that wires the workflow layer into a host (Functions app, local engine, test host).</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers the activity interfaces. Dry-run implementations are the defaults (TryAdd), so a host that registers
    /// real AWS implementations first keeps them, and a host with nothing else still runs end to end with no cloud.
    /// </summary>
    public static IServiceCollection AddForemastWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton<IActionRecorder, InMemoryActionRecorder>();
        services.TryAddSingleton<IBaker, DryRunBaker>();
        services.TryAddSingleton<IInfrastructure, DryRunInfrastructure>();
        services.TryAddSingleton<IDeployer, DryRunDeployer>();
        services.TryAddSingleton<IScaling, DryRunScaling>();
        services.TryAddSingleton<IWebhookCaller, DryRunWebhookCaller>();
        // The host binds Foremast:Notifications (this project has no configuration binder).
        services.AddOptions<NotificationOptions>();
        services.TryAddSingleton(sp => new NotificationRenderer(TemplateStore.For(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.TemplatesPath)));
        services.TryAddSingleton(sp => new NotificationSender(new HttpClient { Timeout = TimeSpan.FromSeconds(15) }, sp.GetRequiredService<IOptions<NotificationOptions>>().Value));
        // Approval links come from the HTTP API's link builder when this host serves the API (both real hosts do).
        services.TryAddSingleton<INotifier>(sp => new DeliveringNotifier(
            sp.GetRequiredService<IActionRecorder>(), sp.GetRequiredService<NotificationSender>(), sp.GetRequiredService<NotificationRenderer>(),
            () => sp.GetService<ForemastApi>()?.Links));
        services.TryAddSingleton<ILookupsProvider, PlannedLookups>();
        services.TryAddSingleton<IPipelineStore, InMemoryPipelineStore>();
        services.TryAddSingleton(_ => new PipelineGenerator());
        services.TryAddSingleton<ISpinnakerPublisher>(_ => new GatePublisher(null));
        return services;
    }

    /// <summary>Adds every orchestrator and activity of a run to a durable task registry.</summary>
    public static DurableTaskRegistry AddForemastTasks(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<DeploymentRunOrchestrator>();
        registry.AddOrchestrator<RegionPipelineOrchestrator>();
        registry.AddOrchestrator<DeployStageOrchestrator>();
        registry.AddActivity<ConfigurationActivity>();
        registry.AddActivity<GeneratePipelinesActivity>();
        registry.AddActivity<BakeActivity>();
        registry.AddActivity<InfrastructureSetupActivity>();
        registry.AddActivity<StartDeployActivity>();
        registry.AddActivity<CheckDeployHealthActivity>();
        registry.AddActivity<AttachScalingPolicyActivity>();
        registry.AddActivity<CallWebhookActivity>();
        registry.AddActivity<NotifyActivity>();
        return registry;
    }
}
