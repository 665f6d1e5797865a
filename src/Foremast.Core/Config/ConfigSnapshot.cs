using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Validation;

namespace Foremast.Core.Config;

/// <summary>
/// The merged configuration of one application, frozen. A run pins one snapshot and never re-reads the files
/// (Foremast issue #233). It serialises to JSON and back without loss.
/// </summary>
public sealed record ConfigSnapshot
{
    public required string App { get; init; }

    public required string Project { get; init; }

    public required string Repo { get; init; }

    /// <summary>The project as given (<see cref="Project"/> is lower-cased for names); Spinnaker's <c>repoProjectKey</c>.</summary>
    public string? GivenProject { get; init; }

    /// <summary>The repo as given; Spinnaker's <c>repoSlug</c>.</summary>
    public string? GivenRepo { get; init; }

    public required ConfigSource Source { get; init; }

    /// <summary>The merged <c>pipeline.json</c>.</summary>
    public required JsonElement Pipeline { get; init; }

    /// <summary>Per env, the merged env document; each configured region is a key inside it, as in Foremast's raw.properties.json.</summary>
    public required IReadOnlyDictionary<string, JsonElement> Environments { get; init; }

    public required ForemastSettings Settings { get; init; }

    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    public string PipelineType => Pipeline.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "ec2";

    /// <summary>The ordered envs of the pipeline (<c>pipeline.json</c> <c>env</c>).</summary>
    public IReadOnlyList<string> PipelineEnvs =>
        Pipeline.TryGetProperty("env", out var envs) && envs.ValueKind == JsonValueKind.Array
            ? envs.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : [];

    /// <summary>The regions an env deploys to, in the order its file lists them.</summary>
    public IReadOnlyList<string> RegionsOf(string env)
    {
        if (!Environments.TryGetValue(env, out var doc) || !doc.TryGetProperty("regions", out var regions)) return [];
        return regions.ValueKind switch
        {
            JsonValueKind.Object => regions.EnumerateObject().Select(p => p.Name).ToList(),
            JsonValueKind.Array => regions.EnumerateArray().Select(r => r.GetString() ?? "").ToList(),
            _ => [],
        };
    }

    /// <summary>Foremast's <c>get_properties(env, region)</c>: the region document, else the env document.</summary>
    public JsonElement SettingsFor(string env, string region)
    {
        var doc = Environments[env];
        return doc.TryGetProperty(region, out var regional) && regional.ValueKind == JsonValueKind.Object ? regional : doc;
    }

    /// <summary>The merged document in the shape of Foremast's <c>raw.properties.json</c>.</summary>
    public JsonObject ToRawProperties()
    {
        var result = new JsonObject { ["pipeline"] = JsonNode.Parse(Pipeline.GetRawText()) };
        foreach (var (env, doc) in Environments) result[env] = JsonNode.Parse(doc.GetRawText());
        return result;
    }
}
