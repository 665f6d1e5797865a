using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Validation;
using Foremast.Tests.Shared;

namespace Foremast.Core.Tests.Validation;

/// <summary>In-memory runway texts from the repo's conformance samples, for fast validator tests.</summary>
internal static class Runways
{
    public static Dictionary<string, string> Texts(string scenario)
    {
        var dir = Fixtures.ScenarioRunway(scenario);
        return Directory.EnumerateFiles(dir, "*.json").ToDictionary(p => Path.GetFileName(p), File.ReadAllText, StringComparer.Ordinal);
    }

    public static ForemastSettings Settings(string scenario)
    {
        var diagnostics = new List<Diagnostic>();
        var settings = ForemastSettingsLoader.Load(Fixtures.ScenarioConfig(scenario), diagnostics);
        Assert.Empty(diagnostics);
        return settings;
    }

    public static LoadResult Load(IReadOnlyDictionary<string, string> texts, ForemastSettings settings) =>
        RunwayLoader.FromTexts(texts, settings, "forrest", "unicorn");

    /// <summary>Scenario 01 with one file's JSON changed by <paramref name="edit"/>.</summary>
    public static LoadResult LoadEdited(string file, Action<JsonObject> edit, string scenario = "01-ec2-3env-2region")
    {
        var texts = Texts(scenario);
        var node = JsonNode.Parse(texts[file])!.AsObject();
        edit(node);
        texts[file] = node.ToJsonString();
        return Load(texts, Settings(scenario));
    }

    public static string[] Lines(LoadResult result) => result.Diagnostics.Select(d => d.ToString()).ToArray();
}
