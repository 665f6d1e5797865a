using System.Text.Json.Nodes;
using Foremast.Spinnaker.Generator;

namespace Foremast.Spinnaker.Tests;

/// <summary>Manual types: pipeline_files as JSON or Scriban, with Foremast's template variables and functions.</summary>
public class ManualPipelineTests
{
    private const string TwoPipelines = """
        [
        {{~ for name in template_variables.names ~}}
          {"name": "{{ name }}", "id": "{{ generate_predictable_pipeline_id data.app.appname name }}",
           "stages": [], "triggers": [], "keepWaitingPipelines": false, "job": "{{ trigger_job }}", "env": "{{ template_variables.env }}"}{{ if !for.last }},{{ end }}
        {{~ end ~}}
        ]
        """;

    [Fact]
    public void Scriban_pipeline_file_renders_with_template_variables_and_predictable_ids_when_type_is_manual()
    {
        var builder = Manual(["pipelines.json.sbn"], new JsonArray(new JsonObject { ["names"] = new JsonArray("Deploy unicorn", "Rollback unicorn"), ["env"] = "prod" }))
            .WriteRunwayFile("pipelines.json.sbn", TwoPipelines);

        var pipelines = new PipelineGenerator().Generate(builder.Load(), builder.Lookups());

        Assert.Equal(2, pipelines.Count);
        var deploy = pipelines[0].Document;
        Assert.Equal("Deploy unicorn", deploy["name"]!.GetValue<string>());
        Assert.Equal("c1bc3d32-8996-533d-8e4e-587d5f38b7dc", deploy["id"]!.GetValue<string>());
        Assert.Equal("unicornforrest", deploy["application"]!.GetValue<string>());
        Assert.Equal("forrest_unicorn", deploy["job"]!.GetValue<string>());
        Assert.Equal("prod", deploy["env"]!.GetValue<string>());
        Assert.Null(pipelines[0].Region);
    }

    [Fact]
    public void Shared_template_file_gets_its_name_without_the_scheme_and_no_id_when_no_pipeline_has_that_name()
    {
        var builder = Manual(["templates://shared-smoke-test.json"], null).WithTemplate("pipeline/shared-smoke-test.json", """{"stages": [], "triggers": []}""");

        var pipeline = Assert.Single(new PipelineGenerator().Generate(builder.Load(), builder.Lookups())).Document;

        // Foremast's lstrip("templates://") also ate the leading "s": "hared-smoke-test.json", and it sent "id": null.
        Assert.Equal("shared-smoke-test.json", pipeline["name"]!.GetValue<string>());
        Assert.False(pipeline.ContainsKey("id"));
    }

    [Fact]
    public void Plain_json_file_is_read_as_is_and_reuses_the_id_of_the_existing_pipeline_with_its_exact_name()
    {
        var builder = Manual(["smoke/test#1.json"], null);
        Directory.CreateDirectory(Path.Combine(builder.Runway, "smoke"));
        builder.WriteRunwayFile("smoke/test#1.json", """{"stages": [{"name": "{{ not rendered }}"}], "triggers": []}""");
        builder.LookupsJson["pipelines"] = JsonNode.Parse("""[{"application": "unicornforrest", "name": "smoke_test_1.json", "id": "existing-id"}]""");

        var pipeline = Assert.Single(new PipelineGenerator().Generate(builder.Load(), builder.Lookups())).Document;

        Assert.Equal("smoke_test_1.json", pipeline["name"]!.GetValue<string>());
        Assert.Equal("existing-id", pipeline["id"]!.GetValue<string>());
        Assert.Equal("{{ not rendered }}", pipeline["stages"]![0]!["name"]!.GetValue<string>());
    }

    private static ScenarioBuilder Manual(string[] files, JsonArray? variables) => new ScenarioBuilder("01-ec2-3env-2region").Edit("pipeline.json", p =>
    {
        p["type"] = "manual";
        p["pipeline_files"] = new JsonArray(files.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        if (variables is not null) p["template_variables"] = variables;
    });
}
