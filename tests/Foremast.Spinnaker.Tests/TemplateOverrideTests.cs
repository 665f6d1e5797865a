using System.Text.Json.Nodes;
using Foremast.Core.Templates;
using Foremast.Spinnaker.Generator;

namespace Foremast.Spinnaker.Tests;

/// <summary>templates_path: a file there wins (includes too), every other file falls back to the built-in templates.</summary>
public class TemplateOverrideTests
{
    private const string CustomInfrastructure = """
        {
          "requisiteStageRefIds": [""],
          "refId": "master",
          "type": "jenkins",
          "name": "Custom Setup [{{ data.app.environment }}]",
          "job": "custom-prepare-{{ data.app.environment }}"
        }
        """;

    [Fact]
    public void External_stage_file_wins_inside_a_built_in_block_template_when_templates_path_has_it()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region").WithTemplate("pipeline/stage-infrastructure-setup.json.sbn", CustomInfrastructure);
        var pipeline = new PipelineGenerator().Generate(builder.Load(), builder.Lookups()).Single(p => p.Region == "us-east-1");

        var stages = pipeline.Document["stages"]!.AsArray();
        Assert.Equal("custom-prepare-dev", stages[1]!["job"]!.GetValue<string>());
        Assert.Equal("Custom Setup [dev]", stages[1]!["name"]!.GetValue<string>());
        // Everything else still comes from the built-in templates.
        Assert.Equal("Deploy dev", stages[2]!["name"]!.GetValue<string>());
        Assert.Equal("bake", stages[0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void External_block_template_can_include_its_own_stage_files_and_built_in_ones_when_templates_path_adds_a_stage()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region")
            .WithTemplate("pipeline/pipeline_stages.json.sbn", """
                [
                  {{ include "pipeline/stage-infrastructure-setup.json.sbn" }},
                  {{ include "pipeline/stage-deploy.json.sbn" }},
                  {{ include "pipeline/stage-tagger.json.sbn" }}
                ]
                """)
            .WithTemplate("pipeline/stage-tagger.json.sbn", """{"refId": "master", "requisiteStageRefIds": [""], "type": "jenkins", "name": "Tag {{ data.app.environment }}", "job": "git-tagger-{{ data.app.environment }}"}""");
        var pipeline = new PipelineGenerator().Generate(builder.Load(), builder.Lookups()).Single(p => p.Region == "us-east-1");

        var names = pipeline.Document["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["Bake [us-east-1]", "Infrastructure Setup [dev]", "Deploy dev", "Tag dev", "Infrastructure Setup [stage]", "Deploy stage", "Tag stage"], names.Take(7));
        Assert.Equal("7", pipeline.Document["stages"]![6]!["refId"]!.GetValue<string>());
    }

    [Fact]
    public void Extra_prod_like_env_uses_its_own_block_template_when_templates_path_provides_it()
    {
        var builder = ProdpScenario().WithTemplate("pipeline/pipeline_prodp.json.sbn", """
            [
              {{ include "pipeline/stage-judgement-nonprod.json.sbn" }},
              {{ include "pipeline/stage-infrastructure-setup.json.sbn" }},
              {{ include "pipeline/stage-deploy.json.sbn" }}
            ]
            """);
        var pipeline = new PipelineGenerator().Generate(builder.Load(), builder.Lookups()).Single(p => p.Region == "us-east-1");

        var names = pipeline.Document["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["Bake [us-east-1]", "Infrastructure Setup [dev]", "Deploy dev", "Checkpoint prodp", "Infrastructure Setup [prodp]", "Deploy prodp"], names);
    }

    [Fact]
    public void Missing_block_template_names_the_file_and_both_places_when_an_extra_prod_like_env_has_none()
    {
        // Validation resolves block templates too, so the file disappears between load and generate (a templates_path edited meanwhile).
        var builder = ProdpScenario().WithTemplate("pipeline/pipeline_prodp.json.sbn", "[]");
        var snapshot = builder.Load();
        File.Delete(Path.Combine(snapshot.Settings.TemplatesPath!, "pipeline", "pipeline_prodp.json.sbn"));

        var error = Assert.Throws<TemplateNotFoundException>(() => new PipelineGenerator().Generate(snapshot, builder.Lookups()));

        Assert.Equal("pipeline/pipeline_prodp.json.sbn", error.Name);
        Assert.Equal([Path.Combine(snapshot.Settings.TemplatesPath!, "pipeline", "pipeline_prodp.json.sbn"), TemplateStore.BuiltInLocation], error.Searched);
    }

    [Fact]
    public void Missing_include_names_the_file_and_both_places_when_an_external_template_includes_a_file_nowhere_found()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region").WithTemplate("pipeline/pipeline_stages.json.sbn", """[ {{ include "pipeline/stage-nowhere.json.sbn" }} ]""");
        var snapshot = builder.Load();

        var error = Assert.Throws<TemplateNotFoundException>(() => new PipelineGenerator().Generate(snapshot, builder.Lookups()));

        Assert.Equal("pipeline/stage-nowhere.json.sbn", error.Name);
        Assert.Contains(TemplateStore.BuiltInLocation, error.Searched);
        Assert.Equal(2, error.Searched.Count);
    }

    [Fact]
    public void Extra_pipeline_type_bakes_and_renders_its_typed_block_templates_when_added_to_aws_types()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region")
            .Edit("pipeline.json", p => p["type"] = "custom")
            .WithTemplate("pipeline/pipeline_stages_custom.json.sbn", """[ {"refId": "master", "requisiteStageRefIds": [""], "type": "wait", "name": "Custom {{ data.app.environment }}", "waitTime": 1} ]""")
            .WithTemplate("pipeline/pipeline_prod_custom.json.sbn", """[ {"refId": "master", "requisiteStageRefIds": [""], "type": "wait", "name": "Custom prod-like {{ data.app.environment }}", "waitTime": 1} ]""");
        builder.Config["base"]!["aws_types"] = new JsonArray("ec2", "lambda", "s3", "datapipeline", "stepfunction", "rolling", "custom");
        var pipeline = new PipelineGenerator().Generate(builder.Load(), builder.Lookups()).Single(p => p.Region == "us-east-1");

        var names = pipeline.Document["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["Bake [us-east-1]", "Custom dev", "Custom stage", "Custom prod-like prod"], names);
    }

    [Fact]
    public void Runtime_error_in_an_external_template_names_the_template_and_its_file()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region").WithTemplate("pipeline/stage-deploy.json.sbn", """{{ nosuchfunction 1 }}""");
        var snapshot = builder.Load();

        var error = Assert.Throws<InvalidOperationException>(() => new PipelineGenerator().Generate(snapshot, builder.Lookups()));

        Assert.Contains("pipeline/pipeline_stages.json.sbn", error.Message);
        Assert.True(error.Message.Contains("stage-deploy.json.sbn", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void Template_that_renders_invalid_json_is_reported_with_its_name()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region").WithTemplate("pipeline/stage-scaling-policy.json.sbn", """{"refId": "branch",}""");
        var snapshot = builder.Load();

        var error = Assert.Throws<InvalidOperationException>(() => new PipelineGenerator().Generate(snapshot, builder.Lookups()));

        Assert.Contains("did not render valid JSON", error.Message);
        Assert.Contains("pipeline/pipeline_stages.json.sbn", error.Message);
    }

    private static ScenarioBuilder ProdpScenario()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region")
            .Edit("pipeline.json", p => p["env"] = new JsonArray("dev", "prodp"))
            .WriteRunwayFile("application-master-prodp.json", File.ReadAllText(Path.Combine(Foremast.Tests.Shared.Fixtures.ScenarioRunway("01-ec2-3env-2region"), "application-master-prod.json")));
        builder.Config["base"]!["envs"] = "dev,stage,prod,prodp";
        builder.LookupsJson["availability_zones"]!["prodp"] = builder.LookupsJson["availability_zones"]!["prod"]!.DeepClone();
        return builder;
    }
}
