using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

/// <summary>Snapshot tests: <c>foremast generate</c> on every conformance scenario against what Foremast posted to Gate.</summary>
public class GenerateCommandTests
{
    public static TheoryData<string> Scenarios => new(Fixtures.ScenarioNames);

    /// <summary>Every onetime recording, as (scenario, env).</summary>
    public static TheoryData<string, string> OnetimeRecordings
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var scenario in Fixtures.ScenarioNames)
            {
                foreach (var env in ExpectedFiles(scenario).Select(f => OnetimeEnv(Path.GetFileName(f))).OfType<string>().Distinct()) data.Add(scenario, env);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Generate_matches_foremast_key_by_key_for_every_region_when_run_on_a_scenario(string scenario)
    {
        var outDir = Directory.CreateTempSubdirectory("generate-").FullName;
        var (code, output, error) = Generate(scenario, Path.Combine(Fixtures.Scenario(scenario), "lookups.json"), outDir);

        Assert.True(code == 0, error);
        var expectedFiles = ExpectedFiles(scenario).Where(f => OnetimeEnv(Path.GetFileName(f)) is null).ToList();
        Assert.NotEmpty(expectedFiles);
        Assert.Equal(expectedFiles.Select(Path.GetFileName).Order(), Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        foreach (var file in expectedFiles) AssertSamePipeline(file, Path.Combine(outDir, Path.GetFileName(file)));
        Assert.Equal(expectedFiles.Count, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>
    /// The onetime recordings were made with the regular pipelines already in Spinnaker (without them Foremast
    /// crashed with KeyError 'id'). The lookups here say the same; no pipeline has the onetime name, so by our
    /// exact-name rule the onetime pipeline takes no id, which is also what Foremast posted.
    /// </summary>
    [Theory]
    [MemberData(nameof(OnetimeRecordings))]
    public void Generate_onetime_matches_foremast_when_the_regular_pipelines_already_exist(string scenario, string env)
    {
        var lookups = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Scenario(scenario), "lookups.json")))!.AsObject();
        var existing = new JsonArray();
        var regular = ExpectedFiles(scenario).Where(f => OnetimeEnv(Path.GetFileName(f)) is null);
        foreach (var (file, i) in regular.Select((f, i) => (f, i)))
        {
            var pipeline = JsonNode.Parse(File.ReadAllText(file))!;
            existing.Add(new JsonObject { ["application"] = pipeline["application"]!.GetValue<string>(), ["name"] = pipeline["name"]!.GetValue<string>(), ["id"] = $"existing-{i}" });
        }

        lookups["pipelines"] = existing;
        var lookupsFile = Path.Combine(Directory.CreateTempSubdirectory("lookups-").FullName, "lookups.json");
        File.WriteAllText(lookupsFile, lookups.ToJsonString());
        var outDir = Directory.CreateTempSubdirectory("generate-").FullName;

        var (code, _, error) = Generate(scenario, lookupsFile, outDir, "--onetime", env);

        Assert.True(code == 0, error);
        var expectedFiles = ExpectedFiles(scenario).Where(f => OnetimeEnv(Path.GetFileName(f)) == env).ToList();
        Assert.Equal(expectedFiles.Select(Path.GetFileName).Order(), Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        foreach (var file in expectedFiles) AssertSamePipeline(file, Path.Combine(outDir, Path.GetFileName(file)));
    }

    [Fact]
    public void Generate_prints_one_summary_line_per_written_file()
    {
        var outDir = Directory.CreateTempSubdirectory("generate-").FullName;
        var (code, output, _) = Generate("01-ec2-3env-2region", Path.Combine(Fixtures.Scenario("01-ec2-3env-2region"), "lookups.json"), outDir);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("pipeline.us-east-1.json") && l.Contains("\"unicornforrest [us-east-1]\"") && l.Contains("11 stages"));
    }

    [Fact]
    public void Generate_writes_a_pipeline_per_region_when_run_on_the_example_application()
    {
        var outDir = Directory.CreateTempSubdirectory("generate-").FullName;

        var (code, _, error) = CliRunner.Run("generate", Path.Combine(Fixtures.Examples, "runway"), "--config", Path.Combine(Fixtures.Examples, "foremast-config.json"),
            "--lookups", Path.Combine(Fixtures.Examples, "lookups.json"), "--project", "acme", "--repo", "webshop", "--out", outDir);

        Assert.True(code == 0, error);
        Assert.Equal(["pipeline.us-east-1.json", "pipeline.us-west-2.json"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Generate_writes_pretty_printed_json()
    {
        var outDir = Directory.CreateTempSubdirectory("generate-").FullName;
        Generate("02-lambda-triggers", Path.Combine(Fixtures.Scenario("02-lambda-triggers"), "lookups.json"), outDir);

        var text = File.ReadAllText(Path.Combine(outDir, "pipeline.us-east-1.json"));
        Assert.Contains("\n  \"name\": \"unicornforrest [us-east-1]\"", text);
    }

    [Fact]
    public void Generate_exits_2_with_the_validation_errors_when_the_config_is_invalid()
    {
        var runway = Directory.CreateTempSubdirectory("runway-").FullName;
        foreach (var file in Directory.GetFiles(Fixtures.ScenarioRunway("01-ec2-3env-2region"))) File.Copy(file, Path.Combine(runway, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(runway, "pipeline.json"), """{"type": "ec2", "env": ["dev"], "image": {"root_volume_size": "big"}, "unknown_key": 1""");
        var outDir = Directory.CreateTempSubdirectory("generate-").FullName;

        var (code, _, error) = CliRunner.Run("generate", runway, "--config", Fixtures.ScenarioConfig("01-ec2-3env-2region"), "--lookups", Path.Combine(Fixtures.Scenario("01-ec2-3env-2region"), "lookups.json"), "--project", "forrest", "--repo", "unicorn", "--out", outDir);

        Assert.Equal(2, code);
        Assert.Contains("pipeline.json", error);
        Assert.Empty(Directory.GetFiles(outDir));
    }

    [Fact]
    public void Generate_exits_2_naming_the_option_when_lookups_or_out_is_missing()
    {
        var (code, _, error) = CliRunner.Run("generate", Fixtures.ScenarioRunway("01-ec2-3env-2region"), "--config", Fixtures.ScenarioConfig("01-ec2-3env-2region"), "--project", "forrest", "--repo", "unicorn");

        Assert.Equal(2, code);
        Assert.Contains("--lookups FILE is required", error);
        Assert.Contains("--out DIR is required", error);
    }

    [Fact]
    public void Generate_exits_2_when_the_lookups_file_cannot_be_read()
    {
        var (code, _, error) = CliRunner.Run("generate", Fixtures.ScenarioRunway("01-ec2-3env-2region"), "--config", Fixtures.ScenarioConfig("01-ec2-3env-2region"), "--project", "forrest", "--repo", "unicorn",
            "--lookups", Path.Combine(Path.GetTempPath(), "no-such-lookups.json"), "--out", Directory.CreateTempSubdirectory("generate-").FullName);

        // A lookups file that is not there is an input error, like any other unusable option value.
        Assert.Equal(2, code);
        Assert.Contains("no-such-lookups.json", error);
    }

    [Fact]
    public void Generate_fails_naming_both_places_when_a_prod_like_env_has_no_template()
    {
        var runway = Directory.CreateTempSubdirectory("runway-").FullName;
        foreach (var file in Directory.GetFiles(Fixtures.ScenarioRunway("01-ec2-3env-2region"))) File.Copy(file, Path.Combine(runway, Path.GetFileName(file)));
        File.Copy(Path.Combine(runway, "application-master-prod.json"), Path.Combine(runway, "application-master-prodp.json"));
        var pipeline = JsonNode.Parse(File.ReadAllText(Path.Combine(runway, "pipeline.json")))!;
        pipeline["env"] = new JsonArray("dev", "prodp");
        File.WriteAllText(Path.Combine(runway, "pipeline.json"), pipeline.ToJsonString());
        var config = JsonNode.Parse(File.ReadAllText(Fixtures.ScenarioConfig("01-ec2-3env-2region")))!;
        var templates = Directory.CreateTempSubdirectory("templates-").FullName;
        config["base"]!["templates_path"] = templates;
        config["base"]!["envs"] = "dev,stage,prod,prodp";
        var configFile = Path.Combine(runway, "..", Path.GetFileName(runway) + "-config.json");
        File.WriteAllText(configFile, config.ToJsonString());
        var lookups = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Scenario("01-ec2-3env-2region"), "lookups.json")))!;
        lookups["availability_zones"]!["prodp"] = lookups["availability_zones"]!["prod"]!.DeepClone();
        var lookupsFile = configFile + ".lookups.json";
        File.WriteAllText(lookupsFile, lookups.ToJsonString());

        var (code, _, error) = CliRunner.Run("generate", runway, "--config", configFile, "--lookups", lookupsFile, "--project", "forrest", "--repo", "unicorn", "--out", Directory.CreateTempSubdirectory("generate-").FullName);

        // validate resolves the per-env templates, so generate stops at validation (exit 2) with the same message.
        Assert.Equal(2, code);
        Assert.Contains("pipeline/pipeline_prodp.json.sbn", error);
        Assert.Contains(Path.Combine(templates, "pipeline", "pipeline_prodp.json.sbn"), error);
        Assert.Contains("built-in templates", error);
    }

    private static (int, string, string) Generate(string scenario, string lookups, string outDir, params string[] extra)
    {
        using var environment = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Scenario(scenario), "input", "environment.json")));
        string[] args =
        [
            "generate", Fixtures.ScenarioRunway(scenario), "--config", Fixtures.ScenarioConfig(scenario), "--lookups", lookups,
            "--project", environment.RootElement.GetProperty("PROJECT").GetString()!, "--repo", environment.RootElement.GetProperty("GIT_REPO").GetString()!,
            "--out", outDir, .. extra,
        ];
        return CliRunner.Run(args);
    }

    private static void AssertSamePipeline(string expectedFile, string actualFile)
    {
        var expected = ForemastDifferences.DropDuplicateDeploy(JsonNode.Parse(File.ReadAllText(expectedFile))!.AsObject());
        var actual = JsonNode.Parse(File.ReadAllText(actualFile));
        var difference = JsonDiff.FirstDifference(expected, actual);
        Assert.True(difference is null, $"{Path.GetFileName(expectedFile)}: {difference}");
    }

    private static IEnumerable<string> ExpectedFiles(string scenario)
    {
        var dir = Path.Combine(Fixtures.Scenario(scenario), "output", "spinnaker-pipelines");
        return Directory.Exists(dir) ? Directory.GetFiles(dir, "pipeline.*.json").Order() : [];
    }

    /// <summary><c>pipeline.us-east-1.onetime-stage.json</c> → <c>stage</c>.</summary>
    private static string? OnetimeEnv(string fileName)
    {
        const string marker = ".onetime-";
        var at = fileName.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : fileName[(at + marker.Length)..^".json".Length];
    }
}
