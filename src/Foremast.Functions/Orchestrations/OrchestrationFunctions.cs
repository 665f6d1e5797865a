using Foremast.Workflows.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Foremast.Functions.Orchestrations;

/// <summary>
/// Orchestration triggers named after the shared orchestrator classes, because the workflows call each other by
/// class name (<c>CallSubOrchestratorAsync(nameof(RegionPipelineOrchestrator))</c>). The logic stays in Foremast.Workflows.
/// </summary>
public static class OrchestrationFunctions
{
    [Function(nameof(DeploymentRunOrchestrator))]
    public static Task<DeploymentRunResult> DeploymentRun([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DeploymentRunOrchestrator().RunAsync(context, context.GetInput<DeploymentRunInput>()!);

    [Function(nameof(RegionPipelineOrchestrator))]
    public static Task<RegionResult> RegionPipeline([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RegionPipelineOrchestrator().RunAsync(context, context.GetInput<RegionPipelineInput>()!);

    [Function(nameof(BakeStageOrchestrator))]
    public static Task<BakeStageResult> BakeStage([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new BakeStageOrchestrator().RunAsync(context, context.GetInput<BakeStageInput>()!);

    [Function(nameof(DeployStageOrchestrator))]
    public static Task<DeployStageResult> DeployStage([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DeployStageOrchestrator().RunAsync(context, context.GetInput<DeployStageInput>()!);

    [Function(nameof(InfrastructureStageOrchestrator))]
    public static Task<InfrastructureStageResult> InfrastructureStage([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new InfrastructureStageOrchestrator().RunAsync(context, context.GetInput<InfrastructureStageInput>()!);
}
