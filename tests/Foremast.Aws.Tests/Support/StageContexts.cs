using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Json;
using Foremast.Tests.Shared;

namespace Foremast.Aws.Tests.Support;

/// <summary>Stage contexts from the repository's <c>examples/</c> (project acme, repo webshop), renamed per test so tests sharing a moto never meet.</summary>
public static class StageContexts
{
    /// <summary>An <see cref="AwsStageContext"/> for one env and region with the given env and pipeline documents (defaults where omitted).</summary>
    public static AwsStageContext For(
        string app, string region, string settings = "{}", string pipeline = "{\"type\": \"ec2\"}", string env = "stage",
        string runId = "run-1", bool dryRun = false, ForemastSettings? global = null, string project = "acme") =>
        new(runId, app, project, app, env, region, "ec2", JsonElement.Parse(settings), JsonElement.Parse(pipeline), global ?? new ForemastSettings(), dryRun);

    private static readonly Lazy<ConfigSnapshot> ExampleSnapshot = new(() => RunwayLoader.Load(new LoadRequest(
        Path.Combine(Fixtures.Examples, "runway"), Path.Combine(Fixtures.Examples, "foremast-config.json"), "acme", "webshop")).SnapshotOrThrow());

    public static ConfigSnapshot Snapshot => ExampleSnapshot.Value;

    /// <summary>The example's env/region; with <paramref name="project"/>/<paramref name="repo"/> the names change (app <c>{repo}{project}</c>).</summary>
    public static AwsStageContext Example(string env = "dev", string region = "us-east-1", bool dryRun = false, string project = "acme", string repo = "webshop")
    {
        var context = AwsStageContext.From(Snapshot, env, region, "run-1", dryRun);
        return context with { Project = project, Repo = repo, App = repo + project };
    }

    /// <summary>The same context with <c>pipeline.json</c> edited.</summary>
    public static AwsStageContext WithPipeline(this AwsStageContext context, Action<JsonObject> edit) =>
        context with { Pipeline = Edit(context.Pipeline, edit) };

    /// <summary>The same context with the merged env/region document edited.</summary>
    public static AwsStageContext WithSettings(this AwsStageContext context, Action<JsonObject> edit) =>
        context with { Settings = Edit(context.Settings, edit) };

    public static AwsStageContext WithGlobal(this AwsStageContext context, Func<ForemastSettings, ForemastSettings> edit) =>
        context with { Global = edit(context.Global) };

    public static AwsStageContext Dry(this AwsStageContext context) => context with { DryRun = true };

    private static JsonElement Edit(JsonElement element, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(element.GetRawText())!.AsObject();
        edit(node);
        return JsonElements.From(node);
    }
}
