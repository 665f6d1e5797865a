using System.Text.Json.Nodes;
using Foremast.Spinnaker.Generator;
using Foremast.Tests.Shared;

namespace Foremast.Spinnaker.Tests;

/// <summary>A Foremast user's Jinja templates_path (tests/fixtures/jinja-templates) used as it is.</summary>
public class JinjaOverrideTests
{
    private const string Scenario = "01-ec2-3env-2region";

    private static readonly JsonNode Qe = JsonNode.Parse("""{"test_job": "unicorn-smoke", "test_params": {"suite": "smoke", "browser-name": "chrome"}, "retries": 2}""")!;

    [Fact]
    public void Jinja_pipeline_stages_override_adds_its_QE_stage_and_includes_the_stock_stages_when_templates_path_holds_foremast_j2_files()
    {
        var baseline = Generate(WithQe(new ScenarioBuilder(Scenario)));
        var builder = WithQe(new ScenarioBuilder(Scenario));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Fixtures.Root, "tests", "fixtures", "jinja-templates", "pipeline")))
        {
            builder.WithTemplate($"pipeline/{Path.GetFileName(file)}", File.ReadAllText(file));
        }

        var overridden = Generate(builder);

        var baseStages = baseline["us-east-1"];
        var stages = overridden["us-east-1"];

        // Every stock stage is there, unchanged but for its position; a QE stage follows each non-prod deploy.
        var expectedNames = baseStages.SelectMany(s => Name(s) is "Deploy dev" or "Deploy stage" ? [Name(s), $"QE {Name(s)[7..].ToUpperInvariant()}"] : new[] { Name(s) }).ToList();
        Assert.Equal(expectedNames, stages.Select(Name));
        foreach (var stock in baseStages)
        {
            var same = stages.Single(s => Name(s) == Name(stock));
            Assert.True(JsonNode.DeepEquals(WithoutRefs(stock), WithoutRefs(same)), $"{Name(stock)} differs:\n{stock}\n{same}");
        }

        var qe = stages.Single(s => Name(s) == "QE DEV");
        var deploy = stages.Single(s => Name(s) == "Deploy dev");
        Assert.Equal([deploy["refId"]!.GetValue<string>()], qe["requisiteStageRefIds"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("promote-qe-dev", qe["job"]!.GetValue<string>());
        Assert.True(qe["failPipeline"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"TEST_JOB": "unicorn-smoke", "SUITE": "smoke", "BROWSER_NAME": "chrome", "RETRIES": "1,2", "APP": "unicornforrest"}"""),
            qe["parameters"]));

        // prod uses the built-in pipeline_prod template: no QE stage there.
        Assert.DoesNotContain(stages, s => Name(s) == "QE PROD");
    }

    private static ScenarioBuilder WithQe(ScenarioBuilder builder) =>
        builder.Edit("application-master-dev.json", d => d["qe"] = Qe.DeepClone()).Edit("application-master-stage.json", d => d["qe"] = Qe.DeepClone());

    private static Dictionary<string, List<JsonObject>> Generate(ScenarioBuilder builder) =>
        new PipelineGenerator().Generate(builder.Load(), builder.Lookups())
            .ToDictionary(p => p.Region!, p => p.Document["stages"]!.AsArray().Select(s => s!.AsObject()).ToList());

    private static string Name(JsonObject stage) => stage["name"]!.GetValue<string>();

    private static JsonObject WithoutRefs(JsonObject stage)
    {
        var copy = stage.DeepClone().AsObject();
        copy.Remove("refId");
        copy.Remove("requisiteStageRefIds");
        return copy;
    }
}
