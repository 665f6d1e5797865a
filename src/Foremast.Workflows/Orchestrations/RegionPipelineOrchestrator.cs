using Foremast.Workflows.Activities;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations;

/// <param name="PipelineType">The snapshot's pipeline type (<c>ec2</c>, <c>s3</c>, <c>lambda</c>…): it picks handlers and infrastructure resources.</param>
/// <param name="Scope">What cloud executors need from the snapshot (names, global config); passed on in every stage request.</param>
public sealed record RegionPipelineInput(string RunId, string App, RegionWork Work, ArtifactRef Artifact, RunOptions Options, string PipelineType = "ec2", StageScope? Scope = null);

/// <summary>
/// One region pipeline: Bake, then per env [Checkpoint] → Infrastructure → Deploy, with branch stages (scaling policy,
/// webhooks) started but not awaited before the next mainline stage. Instance id <c>{runId}:{region}</c>.
/// </summary>
public sealed class RegionPipelineOrchestrator : TaskOrchestrator<RegionPipelineInput, RegionResult>
{
    public static string InstanceId(string runId, string region) => $"{runId}:{region}";

    public override Task<RegionResult> RunAsync(TaskOrchestrationContext context, RegionPipelineInput input) =>
        new RegionRun(context, input).ExecuteAsync();
}
