using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Tests.Shared;

namespace Foremast.Aws.Tests.Support;

/// <summary>
/// Stage contexts of the repository's <c>examples/</c> (project acme, repo webshop: app <c>webshopacme</c>), optionally with the
/// env/region settings edited, the way a changed runway file would arrive.
/// </summary>
public static class ExampleStage
{
    private static readonly Lazy<ConfigSnapshot> Snapshot = new(() =>
        RunwayLoader.Load(new LoadRequest(Path.Combine(Fixtures.Examples, "runway"), Path.Combine(Fixtures.Examples, "foremast-config.json"), "acme", "webshop")).SnapshotOrThrow());

    public const string App = "webshopacme";

    public static ConfigSnapshot Config => Snapshot.Value;

    public static AwsStageContext Context(string env, string region, bool dryRun = false, Action<JsonObject>? edit = null, string runId = "run-1")
    {
        var ctx = AwsStageContext.From(Snapshot.Value, env, region, runId, dryRun);
        if (edit is null) return ctx;
        var settings = JsonNode.Parse(ctx.Settings.GetRawText())!.AsObject();
        edit(settings);
        return ctx with { Settings = JsonElement.Parse(settings.ToJsonString()) };
    }

    /// <summary>The same context under another domain (<c>base.domain</c> and <c>formats.domain</c>), so tests sharing Route53 keep apart.</summary>
    public static AwsStageContext WithDomain(this AwsStageContext ctx, string domain) => ctx with
    {
        Global = ctx.Global with { Domain = domain, Formats = new Dictionary<string, string>(ctx.Global.Formats) { ["domain"] = domain } },
    };

    /// <summary>The same context with pipeline.json's <c>primary_region</c> set.</summary>
    public static AwsStageContext WithPrimaryRegion(this AwsStageContext ctx, string region)
    {
        var pipeline = JsonNode.Parse(ctx.Pipeline.GetRawText())!.AsObject();
        pipeline["primary_region"] = region;
        return ctx with { Pipeline = JsonElement.Parse(pipeline.ToJsonString()) };
    }

    /// <summary>The same context with another region's name (tests keep their resources apart by region in a shared moto).</summary>
    public static AwsStageContext InRegion(this AwsStageContext ctx, string region) => ctx with { Region = region };
}
