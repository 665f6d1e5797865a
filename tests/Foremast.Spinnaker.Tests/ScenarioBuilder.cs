using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Spinnaker.Lookups;
using Foremast.Tests.Shared;

namespace Foremast.Spinnaker.Tests;

/// <summary>A conformance scenario copied to a temp directory, optionally edited, then loaded like the CLI loads it.</summary>
internal sealed class ScenarioBuilder
{
    private readonly string _scenario;
    private readonly string _root = Directory.CreateTempSubdirectory("scenario-").FullName;
    private readonly JsonObject _config;
    private readonly JsonObject _lookups;

    public ScenarioBuilder(string scenario)
    {
        _scenario = scenario;
        Runway = Path.Combine(_root, "runway");
        Directory.CreateDirectory(Runway);
        foreach (var file in Directory.GetFiles(Fixtures.ScenarioRunway(scenario))) File.Copy(file, Path.Combine(Runway, Path.GetFileName(file)));
        _config = JsonNode.Parse(File.ReadAllText(Fixtures.ScenarioConfig(scenario)))!.AsObject();
        _lookups = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Scenario(scenario), "lookups.json")))!.AsObject();
    }

    public string Runway { get; }

    public string Root => _root;

    public JsonObject Config => _config;

    public JsonObject LookupsJson => _lookups;

    public string Project => _scenario.StartsWith("03", StringComparison.Ordinal) ? "web" : "forrest";

    public string Repo => _scenario.StartsWith("03", StringComparison.Ordinal) ? "homepage" : "unicorn";

    public ScenarioBuilder Edit(string file, Action<JsonObject> edit)
    {
        var path = Path.Combine(Runway, file);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
        return this;
    }

    public ScenarioBuilder WriteRunwayFile(string file, string text)
    {
        File.WriteAllText(Path.Combine(Runway, file), text);
        return this;
    }

    /// <summary>A file in a templates_path directory next to the config (relative, as users write it).</summary>
    public ScenarioBuilder WithTemplate(string name, string text)
    {
        var path = Path.Combine(_root, "templates", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        _config["base"]!["templates_path"] = "templates";
        return this;
    }

    public ConfigSnapshot Load()
    {
        var configFile = Path.Combine(_root, "foremast-config.json");
        File.WriteAllText(configFile, _config.ToJsonString());
        var result = RunwayLoader.Load(new LoadRequest(Runway, configFile, Project, Repo));
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Snapshot!;
    }

    public IEnvironmentLookups Lookups() => JsonLookups.Parse(_lookups.ToJsonString());
}
