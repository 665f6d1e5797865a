using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Json;
using Foremast.Core.Templates;
using Foremast.Tests.Shared;

namespace Foremast.Core.Tests.Config;

/// <summary>The loader's streaming merge must give exactly the document a plain node merge with <see cref="DeepChainMap"/> gives: same keys, same order, same values.</summary>
public class MergeWriterTests
{
    public static TheoryData<string, string> EnvFiles
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var scenario in Fixtures.ScenarioNames)
            {
                foreach (var file in Directory.GetFiles(Fixtures.ScenarioRunway(scenario), "application-master-*.json").Order()) data.Add(scenario, Path.GetFileName(file));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EnvFiles))]
    public void Streaming_merge_equals_the_node_merge_when_given_a_scenario_env_file(string scenario, string file)
    {
        var user = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.ScenarioRunway(scenario), file)))!.AsObject();

        Assert.Equal(Expected(user), Actual(user));
    }

    [Theory]
    [InlineData("""{"app": {"instance_type": "t3.small"}, "regions": ["us-east-1", "us-west-2"]}""")]
    [InlineData("""{"app": {"instance_type": "t3.small"}}""")]
    [InlineData("""{"app": null}""")]
    [InlineData("""{"us-east-1": {"app": {"instance_type": "x"}}, "regions": {"us-east-1": {"asg": {"min_inst": 5}}}}""")]
    [InlineData("""{"asg": {"scaling_policy": {"metric": "CPU"}}, "regions": {"eu-west-1": {"asg": null}}, "extra": [1, {"a": 2}]}""")]
    public void Streaming_merge_equals_the_node_merge_when_regions_take_each_form(string json)
    {
        var user = JsonNode.Parse(json)!.AsObject();

        Assert.Equal(Expected(user), Actual(user));
    }

    private static JsonObject Defaults() =>
        JsonNode.Parse(TemplateStore.For(null).Render("configs/configs.json.sbn", new { app = "unicornforrest", profile = "forrest_unicorn_profile" }))!.AsObject();

    /// <summary>Foremast's rule spelt out with nodes: env = user over defaults; each region = overrides over user over defaults.</summary>
    private static string Expected(JsonObject user)
    {
        var defaults = Defaults();
        var regionsNode = user.ContainsKey("regions") ? user["regions"] : defaults["regions"];
        var regions = regionsNode switch
        {
            JsonObject o => o.Select(p => (p.Key, Overrides: p.Value as JsonObject)).ToList(),
            JsonArray a => a.Select(r => (r?.ToString() ?? "", Overrides: (JsonObject?)null)).ToList(),
            _ => [],
        };
        var names = regions.Select(r => r.Item1).ToHashSet();
        var plainUser = new JsonObject(user.Where(p => !names.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var merged = DeepChainMap.Merge(plainUser, defaults);
        if (user.ContainsKey("regions")) merged["regions"] = user["regions"]?.DeepClone();
        foreach (var (region, overrides) in regions) merged[region] = DeepChainMap.Merge(overrides, plainUser, defaults);
        return merged.ToJsonString();
    }

    private static string Actual(JsonObject user) => EnvironmentMerge.Merge(user, Defaults()).ToJsonString();
}
