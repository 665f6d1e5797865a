using System.Text.Json;
using Foremast.Workflows.Orchestrations;

namespace Foremast.Workflows.Activities;

/// <summary>What every stage executor receives: where it runs, what it deploys, and its slice of the pinned config.</summary>
/// <param name="Settings">
/// The stage's config: <c>pipeline.json</c> for a bake, the merged env document for the region otherwise,
/// and the <c>completion_webhooks</c> entry for a webhook.
/// </param>
public sealed record StageRequest(
    string RunId,
    string App,
    string Region,
    string? Env,
    string RefId,
    string StageName,
    ArtifactRef Artifact,
    JsonElement Settings,
    bool DryRun);
