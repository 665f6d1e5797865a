using System.Text.Json.Nodes;
using Foremast.Core.Plan;
using Foremast.Spinnaker.Generator;
using Foremast.Tests.Shared;

namespace Foremast.Spinnaker.Tests;

/// <summary>The durable engine runs the StagePlan; Spinnaker runs the generated pipeline. With the built-in templates they must be the same graph.</summary>
public class StagePlanConsistencyTests
{
    public static TheoryData<string, string?> Cases
    {
        get
        {
            var data = new TheoryData<string, string?>();
            foreach (var scenario in Fixtures.ScenarioNames)
            {
                data.Add(scenario, null);
                data.Add(scenario, "stage");
                data.Add(scenario, "prod");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_stage_names_and_refids_equal_the_stage_plan_when_built_in_templates_render_a_scenario(string scenario, string? onetimeEnv)
    {
        var builder = new ScenarioBuilder(scenario);
        var snapshot = builder.Load();
        var lookups = builder.Lookups();

        var pipelines = new PipelineGenerator().Generate(snapshot, lookups, onetimeEnv);
        var plan = StagePlanner.Plan(snapshot, (env, region) => lookups.AvailabilityZones(env, region) is not null, onetimeEnv);

        Assert.Equal(plan.Regions.Select(r => r.PipelineName), pipelines.Select(p => p.Name));
        foreach (var (region, pipeline) in plan.Regions.Zip(pipelines))
        {
            var generated = pipeline.Document["stages"]!.AsArray().Select(s => Describe(s!["name"]!.GetValue<string>(), s["refId"]!.GetValue<string>(), s["requisiteStageRefIds"]!.AsArray().Select(r => r!.GetValue<string>())));
            var planned = region.Stages.Select(s => Describe(s.Name, s.RefId, s.RequisiteRefIds));
            Assert.Equal(planned, generated);
        }
    }

    [Theory]
    [InlineData("datapipeline", "Setup Data Pipeline [{0}]")]
    [InlineData("stepfunction", "Setup Step Function [{0}]")]
    [InlineData("s3", "Deploy S3 [{0}]")]
    [InlineData("lambda", "Deploy Lambda [{0}]")]
    [InlineData("rolling", "Deploy {0}")]
    [InlineData("cloudfunction", "Deploy Cloud Function [{0}]")]
    public void Generated_stages_equal_the_stage_plan_when_the_pipeline_type_changes(string type, string typicalStage)
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region").Edit("pipeline.json", p => p["type"] = type);
        if (type is "datapipeline" or "stepfunction")
        {
            // Both types need a definition to validate.
            foreach (var env in new[] { "dev", "stage", "prod" }) builder.Edit($"application-master-{env}.json", d => d[type] = JsonNode.Parse("""{"json_definition": {"StartAt": "Go"}}"""));
        }

        if (type == "rolling") builder.WithTemplate("pipeline/pipeline_stages_rolling.json.sbn", Builtin("pipeline/pipeline_stages.json.sbn")).WithTemplate("pipeline/pipeline_prod_rolling.json.sbn", Builtin("pipeline/pipeline_prod.json.sbn"));
        var snapshot = builder.Load();
        var lookups = builder.Lookups();

        var pipelines = new PipelineGenerator().Generate(snapshot, lookups);
        var plan = StagePlanner.Plan(snapshot, (env, region) => lookups.AvailabilityZones(env, region) is not null);

        foreach (var (region, pipeline) in plan.Regions.Zip(pipelines, (r, p) => (r, p)))
        {
            var generated = pipeline.Document["stages"]!.AsArray().Select(s => Describe(s!["name"]!.GetValue<string>(), s["refId"]!.GetValue<string>(), s["requisiteStageRefIds"]!.AsArray().Select(r => r!.GetValue<string>()))).ToList();
            Assert.Equal(region.Stages.Select(s => Describe(s.Name, s.RefId, s.RequisiteRefIds)), generated);
            Assert.Contains(generated, g => g.EndsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, typicalStage, "prod"), StringComparison.Ordinal));
        }
    }

    private static string Builtin(string name) => Foremast.Core.Templates.TemplateStore.For(null).ReadText(name);

    private static string Describe(string name, string refId, IEnumerable<string> requisites) => $"{refId} [{string.Join(",", requisites)}] {name}";
}
