using System.Text.Json;
using Foremast.Workflows.Orchestrations;

namespace Foremast.Workflows.Activities;

/// <summary>What every stage executor receives: where it runs, what it deploys, and its slice of the pinned config.</summary>
/// <param name="Settings">
/// The stage's config: <c>pipeline.json</c> for a bake, the merged env document for the region otherwise,
/// and the <c>completion_webhooks</c> entry for a webhook. Read it with <see cref="Foremast.Core.Config.Settings.StageSettings"/>.
/// </param>
/// <param name="DryRun">The run's decision, and the only one: a dry run makes no mutating call (AWS, Gate, webhooks), whatever the host's executors.</param>
/// <param name="PipelineType">The snapshot's pipeline type (<c>ec2</c>, <c>lambda</c>, <c>s3</c>…).</param>
/// <param name="Scope">Names and global config from the pinned snapshot; cloud executors refuse a request without it.</param>
public sealed record StageRequest(
    string RunId,
    string App,
    string Region,
    string? Env,
    string RefId,
    string StageName,
    ArtifactRef Artifact,
    JsonElement Settings,
    bool DryRun,
    string PipelineType = "ec2",
    StageScope? Scope = null);
