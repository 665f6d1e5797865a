using System.Text.Json.Nodes;
using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

/// <summary><c>plan</c> and <c>generate</c> read a number written with a trailing <c>.0</c> as the same whole number.</summary>
public class NumberReadingTests
{
    private const string Scenario = "01-ec2-3env-2region";

    [Fact]
    public void Plan_and_generate_both_read_7200000_point_0_as_two_hours_of_milliseconds()
    {
        var dir = Directory.CreateTempSubdirectory("runway-number-").FullName;
        var outDir = Path.Combine(dir, "out");
        try
        {
            foreach (var file in Directory.EnumerateFiles(Fixtures.ScenarioRunway(Scenario))) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            var prod = Path.Combine(dir, "application-master-prod.json");
            var text = File.ReadAllText(prod);
            Assert.Contains("\"approval_timeout\": 7200000,", text, StringComparison.Ordinal);
            File.WriteAllText(prod, text.Replace("\"approval_timeout\": 7200000,", "\"approval_timeout\": 7200000.0,", StringComparison.Ordinal));
            string[] names = ["--config", Fixtures.ScenarioConfig(Scenario), "--project", "forrest", "--repo", "unicorn"];

            var (planCode, planOut, planError) = CliRunner.Run(["plan", dir, "--json", .. names]);
            var (generateCode, _, generateError) = CliRunner.Run(["generate", dir, "--lookups", Path.Combine(Fixtures.Scenario(Scenario), "lookups.json"), "--out", outDir, .. names]);

            Assert.True(planCode == 0, planError);
            Assert.True(generateCode == 0, generateError);
            var planned = JsonNode.Parse(planOut)!["regions"]![0]!["stages"]!.AsArray().Single(s => (string?)s!["name"] == "Checkpoint prod")!;
            Assert.Equal(7200, (long)planned["timeoutSeconds"]!);
            var generated = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "pipeline.us-east-1.json")))!["stages"]!.AsArray().Single(s => (string?)s!["name"] == "Checkpoint prod")!;
            Assert.Equal("7200000", generated["stageTimeoutMs"]!.ToJsonString());
            Assert.DoesNotContain("warning", generateError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Generate_warns_about_an_env_the_lookups_give_no_subnets_anywhere()
    {
        var outDir = Directory.CreateTempSubdirectory("generate-nowhere-").FullName;
        var lookups = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Scenario(Scenario), "lookups.json")))!;
        lookups["availability_zones"]!.AsObject().Remove("dev");
        var lookupsFile = Path.Combine(outDir, "lookups.json");
        File.WriteAllText(lookupsFile, lookups.ToJsonString());
        try
        {
            var (code, _, error) = CliRunner.Run("generate", Fixtures.ScenarioRunway(Scenario), "--config", Fixtures.ScenarioConfig(Scenario), "--project", "forrest", "--repo", "unicorn",
                "--lookups", lookupsFile, "--out", Path.Combine(outDir, "out"));

            Assert.True(code == 0, error);
            Assert.Contains("application-master-dev.json: $.regions: warning: env \"dev\" deploys nowhere: the lookups list no subnets (availability_zones) for it in us-east-1", error.Split('\n', StringSplitOptions.TrimEntries));
        }
        finally
        {
            Directory.Delete(outDir, true);
        }
    }
}
