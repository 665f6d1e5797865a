using System.Text.Json.Nodes;
using Foremast.Spinnaker.Generator;

namespace Foremast.Spinnaker.Tests.Jinja;

/// <summary>Foremast manual pipelines written in Jinja (.json.j2) generate unchanged.</summary>
public class JinjaManualPipelineTests
{
    // The shape of the manual pipeline file in Foremast's recording (reference foremast.md §8.8).
    private const string DeployPipelines = """
        {% set pipeline_name = "Deploy " + data.app.repo_name %}
        [
          {"application": "{{ data.app.appname }}", "name": "{{ pipeline_name }}",
           "id": "{{ generate_predictable_pipeline_id(data.app.appname, pipeline_name) }}",
           "triggers": [{"enabled": true, "type": "jenkins", "job": "{{ data.app.triggerjob }}"}],
           "stages": [{% for s in template_variables.stages %}{"name": "{{ s.name }}", "type": "wait", "waitTime": {{ s.wait | default(30) }}, "refId": "{{ loop.index }}"}{% if not loop.last %},{% endif %}{% endfor %}],
           "notifications": {{ template_variables.notifications | tojson }} },
          {% include "pipeline/shared-smoke-test.json.j2" %}
        ]
        """;

    private const string SharedSmokeTest = """
        {# Shared by every team: runs after the deploy pipeline. #}
        {"name": "Smoke test {{ data.app.appname }}", "stages": [],
         "triggers": [{"type": "pipeline", "application": "{{ data.app.appname }}",
                       "pipeline": "{{ generate_predictable_pipeline_id(data.app.appname, 'Deploy ' ~ data.app.repo_name) }}"}]}
        """;

    private static readonly JsonArray Variables = new(JsonNode.Parse("""
        {"stages": [{"name": "Wait a bit"}, {"name": "Wait longer", "wait": 120}],
         "notifications": [{"type": "slack", "address": "#deploys", "when": ["pipeline.failed"]}]}
        """));

    [Fact]
    public void Jinja_pipeline_file_gives_its_pipeline_and_the_included_shared_one_when_type_is_manual()
    {
        var builder = Manual(["pipeline.json.j2"], Variables)
            .WriteRunwayFile("pipeline.json.j2", DeployPipelines)
            .WithTemplate("pipeline/shared-smoke-test.json.j2", SharedSmokeTest);
        builder.LookupsJson["pipelines"] = JsonNode.Parse("""[{"application": "unicornforrest", "name": "Smoke test unicornforrest", "id": "existing-id"}]""");

        var pipelines = new PipelineGenerator().Generate(builder.Load(), builder.Lookups());

        Assert.Equal(2, pipelines.Count);
        var expected = JsonNode.Parse("""
            {"application": "unicornforrest", "name": "Deploy unicorn", "id": "c1bc3d32-8996-533d-8e4e-587d5f38b7dc",
             "triggers": [{"enabled": true, "type": "jenkins", "job": "forrest_unicorn"}],
             "stages": [{"name": "Wait a bit", "type": "wait", "waitTime": 30, "refId": "1"},
                        {"name": "Wait longer", "type": "wait", "waitTime": 120, "refId": "2"}],
             "notifications": [{"type": "slack", "address": "#deploys", "when": ["pipeline.failed"]}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, pipelines[0].Document), pipelines[0].Document.ToJsonString());
        var smoke = pipelines[1].Document;
        Assert.Equal("Smoke test unicornforrest", smoke["name"]!.GetValue<string>());
        Assert.Equal("unicornforrest", smoke["application"]!.GetValue<string>());
        Assert.Equal("existing-id", smoke["id"]!.GetValue<string>());
        Assert.Equal("c1bc3d32-8996-533d-8e4e-587d5f38b7dc", smoke["triggers"]![0]!["pipeline"]!.GetValue<string>());
    }

    [Fact]
    public void Shared_jinja_file_renders_from_templates_path_when_listed_with_the_templates_scheme()
    {
        var builder = Manual(["templates://shared-smoke-test.json.j2"], null).WithTemplate("pipeline/shared-smoke-test.json.j2", """
            {"stages": [], "triggers": [], "description": "{{ data.app.deploy_type | upper }} for {{ app_name }}"}
            """);

        var pipeline = Assert.Single(new PipelineGenerator().Generate(builder.Load(), builder.Lookups())).Document;

        Assert.Equal("shared-smoke-test.json.j2", pipeline["name"]!.GetValue<string>());
        Assert.Equal("MANUAL for unicornforrest", pipeline["description"]!.GetValue<string>());
    }

    [Fact]
    public void Unsupported_construct_fails_naming_the_pipeline_file_and_line_when_generating()
    {
        var builder = Manual(["pipeline.json.j2"], null).WriteRunwayFile("pipeline.json.j2", "[\n{% macro stage(name) %}{% endmacro %}\n]");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => new PipelineGenerator().Generate(builder.Load(), builder.Lookups()));

        Assert.StartsWith("pipeline.json.j2:2: unsupported tag {% macro %}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_construct_in_an_include_fails_naming_the_included_file_and_line_when_generating()
    {
        var builder = Manual(["pipeline.json.j2"], null)
            .WriteRunwayFile("pipeline.json.j2", "[{% include \"pipeline/broken.json.j2\" %}]")
            .WithTemplate("pipeline/broken.json.j2", "{\"stages\": [],\n \"name\": \"{{ data.app.appname | title }}\"}");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => new PipelineGenerator().Generate(builder.Load(), builder.Lookups()));

        Assert.Contains("pipeline file \"pipeline.json.j2\" failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("pipeline/broken.json.j2:2: unsupported filter \"title\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_include_fails_naming_the_template_and_where_it_was_searched_when_generating()
    {
        var builder = Manual(["pipeline.json.j2"], null).WriteRunwayFile("pipeline.json.j2", "[{% include \"pipeline/absent.json.j2\" %}]");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => new PipelineGenerator().Generate(builder.Load(), builder.Lookups()));

        Assert.Contains("template \"pipeline/absent.json.j2\" not found", error.Message, StringComparison.Ordinal);
    }

    private static ScenarioBuilder Manual(string[] files, JsonArray? variables) => new ScenarioBuilder("01-ec2-3env-2region").Edit("pipeline.json", p =>
    {
        p["type"] = "manual";
        p["pipeline_files"] = new JsonArray(files.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        if (variables is not null) p["template_variables"] = variables.DeepClone();
    });
}
