using Foremast.Core.Config;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Telemetry;
using Foremast.Workflows.Notifications;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Foremast.Functions.Activities;

/// <summary>
/// Activity triggers named after the shared activity classes (the orchestrators call them by class name). Each one
/// resolves its activity from the function's DI scope, so the host decides between real and dry-run executors.
/// </summary>
public static class ActivityFunctions
{
    [Function(nameof(ConfigurationActivity))]
    public static Task<DeploymentPlan> Configuration([ActivityTrigger] ConfigSnapshot input, string instanceId, FunctionContext context) =>
        Run<ConfigurationActivity, ConfigSnapshot, DeploymentPlan>(context, instanceId, input);

    [Function(nameof(GeneratePipelinesActivity))]
    public static Task<IReadOnlyList<GeneratedPipelineSummary>> GeneratePipelines([ActivityTrigger] GeneratePipelinesInput input, string instanceId, FunctionContext context) =>
        Run<GeneratePipelinesActivity, GeneratePipelinesInput, IReadOnlyList<GeneratedPipelineSummary>>(context, instanceId, input);

    [Function(nameof(BakeActivity))]
    public static Task<BakeStep> Bake([ActivityTrigger] StageRequest input, string instanceId, FunctionContext context) =>
        Run<BakeActivity, StageRequest, BakeStep>(context, instanceId, input);

    [Function(nameof(ConvergeResourceActivity))]
    public static Task<ResourceResult> ConvergeResource([ActivityTrigger] ConvergeResourceInput input, string instanceId, FunctionContext context) =>
        Run<ConvergeResourceActivity, ConvergeResourceInput, ResourceResult>(context, instanceId, input);

    [Function(nameof(StartDeployActivity))]
    public static Task<DeployHandle> StartDeploy([ActivityTrigger] StartDeployInput input, string instanceId, FunctionContext context) =>
        Run<StartDeployActivity, StartDeployInput, DeployHandle>(context, instanceId, input);

    [Function(nameof(CheckDeployHealthActivity))]
    public static Task<DeployHealth> CheckDeployHealth([ActivityTrigger] CheckDeployHealthInput input, string instanceId, FunctionContext context) =>
        Run<CheckDeployHealthActivity, CheckDeployHealthInput, DeployHealth>(context, instanceId, input);

    [Function(nameof(RollbackDeployActivity))]
    public static Task<string> RollbackDeploy([ActivityTrigger] RollbackDeployInput input, string instanceId, FunctionContext context) =>
        Run<RollbackDeployActivity, RollbackDeployInput, string>(context, instanceId, input);

    [Function(nameof(AttachScalingPolicyActivity))]
    public static Task<bool> AttachScalingPolicy([ActivityTrigger] AttachScalingPolicyInput input, string instanceId, FunctionContext context) =>
        Run<AttachScalingPolicyActivity, AttachScalingPolicyInput, bool>(context, instanceId, input);

    [Function(nameof(CallWebhookActivity))]
    public static Task<WebhookResult> CallWebhook([ActivityTrigger] StageRequest input, string instanceId, FunctionContext context) =>
        Run<CallWebhookActivity, StageRequest, WebhookResult>(context, instanceId, input);

    [Function(nameof(PromoteS3Activity))]
    public static Task<S3Promotion> PromoteS3([ActivityTrigger] StageRequest input, string instanceId, FunctionContext context) =>
        Run<PromoteS3Activity, StageRequest, S3Promotion>(context, instanceId, input);

    [Function(nameof(NotifyActivity))]
    public static Task<NotifyResult> Notify([ActivityTrigger] RunNotification input, string instanceId, FunctionContext context) =>
        Run<NotifyActivity, RunNotification, NotifyResult>(context, instanceId, input);

    /// <summary>Inside the stage's log scope and span, as the local engine runs activities (<see cref="InstrumentedActivity"/>).</summary>
    private static async Task<TOutput> Run<TActivity, TInput, TOutput>(FunctionContext context, string instanceId, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        var activity = InstrumentedActivity.Create<TActivity>(context.InstanceServices);
        return (TOutput)(await activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input))!;
    }
}
