using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Tests.Shared;

namespace Foremast.Core.Tests.Config;

public class RunwayLoaderTests
{
    public static TheoryData<string> Scenarios => new(Fixtures.ScenarioNames);

    public static ConfigSnapshot LoadScenario(string name)
    {
        using var env = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Scenario(name), "input", "environment.json")));
        var result = RunwayLoader.Load(new LoadRequest(
            Fixtures.ScenarioRunway(name),
            Fixtures.ScenarioConfig(name),
            env.RootElement.GetProperty("PROJECT").GetString()!,
            env.RootElement.GetProperty("GIT_REPO").GetString()!));
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Snapshot!;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Merged_config_equals_foremast_raw_properties_for_every_env_and_region_key(string scenario)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Scenario(scenario), "output", "merged-config.raw.properties.json")))!.AsObject();

        var actual = LoadScenario(scenario).ToRawProperties();

        Assert.Equal(expected.Select(p => p.Key).Order(), actual.Select(p => p.Key).Order());
        foreach (var (key, value) in expected)
        {
            foreach (var (sub, subValue) in value!.AsObject())
            {
                Assert.True(JsonNode.DeepEquals(subValue, actual[key]![sub]), $"{scenario}: {key}.{sub} differs:\nexpected {subValue?.ToJsonString()}\nactual   {actual[key]![sub]?.ToJsonString()}");
            }

            Assert.Equal(value.AsObject().Select(p => p.Key), actual[key]!.AsObject().Select(p => p.Key));
        }
    }

    [Fact]
    public void Region_overrides_in_dict_form_apply_only_to_their_region()
    {
        var defaults = JsonNode.Parse("""{"app": {"instance_type": "t2.micro", "instance_profile": "p"}, "regions": {"us-east-1": {}}}""")!.AsObject();
        var user = JsonNode.Parse("""{"app": {"instance_type": "t3.small"}, "regions": {"us-east-1": {}, "us-west-2": {"app": {"instance_type": "m4.large"}}}}""")!.AsObject();

        var merged = EnvironmentMerge.Merge(user, defaults);

        Assert.Equal("t3.small", (string?)merged["us-east-1"]!["app"]!["instance_type"]);
        Assert.Equal("m4.large", (string?)merged["us-west-2"]!["app"]!["instance_type"]);
        Assert.Equal("p", (string?)merged["us-west-2"]!["app"]!["instance_profile"]);
        Assert.Equal("t3.small", (string?)merged["app"]!["instance_type"]);
    }

    [Fact]
    public void Region_list_form_gives_every_region_a_copy_of_the_env_settings()
    {
        var defaults = JsonNode.Parse("""{"app": {"instance_type": "t2.micro"}, "regions": {"us-east-1": {}}}""")!.AsObject();
        var user = JsonNode.Parse("""{"app": {"instance_type": "t3.small"}, "regions": ["us-east-1", "us-west-2"]}""")!.AsObject();

        var merged = EnvironmentMerge.Merge(user, defaults);

        Assert.Equal("t3.small", (string?)merged["us-east-1"]!["app"]!["instance_type"]);
        Assert.Equal("t3.small", (string?)merged["us-west-2"]!["app"]!["instance_type"]);
        Assert.IsType<JsonArray>(merged["regions"]);
    }

    [Fact]
    public void Template_default_regions_are_not_unioned_with_user_regions()
    {
        var defaults = JsonNode.Parse("""{"regions": {"us-east-1": {}}}""")!.AsObject();
        var user = JsonNode.Parse("""{"regions": {"eu-west-1": {}}}""")!.AsObject();

        var merged = EnvironmentMerge.Merge(user, defaults);

        Assert.Equal(["eu-west-1"], merged["regions"]!.AsObject().Select(p => p.Key));
        Assert.False(merged.ContainsKey("us-east-1"));
    }

    [Fact]
    public void Env_without_regions_deploys_to_the_template_default_region_only()
    {
        var snapshot = LoadScenario("01-ec2-3env-2region");
        var texts = new Dictionary<string, string>
        {
            ["pipeline.json"] = """{"env": ["dev"]}""",
            ["application-master-dev.json"] = "{}",
        };

        var result = RunwayLoader.FromTexts(texts, snapshot.Settings, "forrest", "unicorn");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(["us-east-1"], result.Snapshot!.RegionsOf("dev"));
    }

    [Fact]
    public void Snapshot_round_trips_through_json_without_loss()
    {
        var snapshot = LoadScenario("01-ec2-3env-2region");

        var json = JsonSerializer.Serialize(snapshot);
        var back = JsonSerializer.Deserialize<ConfigSnapshot>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(snapshot.Source, back.Source);
        Assert.Equal(snapshot.PipelineEnvs, back.PipelineEnvs);
    }

    [Fact]
    public void Snapshot_records_its_source_directory_and_a_content_hash_that_changes_with_content()
    {
        var dir = Directory.CreateTempSubdirectory("runway-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "pipeline.json"), """{"env": ["dev"]}""");
            File.WriteAllText(Path.Combine(dir, "application-master-dev.json"), "{}");
            var first = RunwayLoader.Load(new LoadRequest(dir, null, "p", "r")).SnapshotOrThrow();
            File.WriteAllText(Path.Combine(dir, "application-master-dev.json"), """{"app": {"instance_type": "t3.large"}}""");
            var second = RunwayLoader.Load(new LoadRequest(dir, null, "p", "r")).SnapshotOrThrow();

            Assert.Equal("directory", first.Source.Kind);
            Assert.Equal(dir, first.Source.Location);
            Assert.NotEqual(first.Source.ContentHash, second.Source.ContentHash);
            Assert.Equal("t2.micro", first.SettingsFor("dev", "us-east-1").GetProperty("app").GetProperty("instance_type").GetString());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
