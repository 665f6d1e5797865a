using System.Text.Json.Nodes;
using Foremast.Spinnaker.Application;
using Foremast.Spinnaker.Generator;

namespace Foremast.Spinnaker.Tests;

/// <summary>
/// Type cloudfunction (reference foremast.md §3 step 2, §8.4, and the conformance README's note on the unpublished
/// recording): envs come from <c>[gcp] envs</c>, regions from the env files as for every type, one pipeline per GCP
/// region named after it, no bake, and createApplication still says <c>cloudProviders: "aws"</c>.
/// </summary>
public class CloudFunctionPipelineTests
{
    [Fact]
    public void Cloudfunction_gives_one_pipeline_per_gcp_region_of_the_gcp_envs_when_type_is_cloudfunction()
    {
        var builder = CloudFunction();
        var snapshot = builder.Load();

        var pipelines = new PipelineGenerator().Generate(snapshot, builder.Lookups());

        Assert.Equal(["unicornforrest [us-central1]", "unicornforrest [us-east1]"], pipelines.Select(p => p.Document["name"]!.GetValue<string>()));
        Assert.Equal(["us-central1", "us-east1"], pipelines.Select(p => p.Region));
        var central = StageNames(pipelines[0]);
        Assert.Equal(["Infrastructure Setup [dev]", "Deploy Cloud Function [dev]", "Checkpoint prod", "Infrastructure Setup [prod]", "Deploy Cloud Function [prod]"], central.Where(n => !n.StartsWith("DEV: ", StringComparison.Ordinal)));
        Assert.Equal(["Checkpoint prod", "Infrastructure Setup [prod]", "Deploy Cloud Function [prod]"], StageNames(pipelines[1]));
        var deploy = pipelines[1].Document["stages"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Deploy Cloud Function [prod]")!;
        Assert.Equal("us-east1", deploy["parameters"]!["REGION"]!.GetValue<string>());
        Assert.Equal(["dev", "prod"], snapshot.PipelineEnvs);
    }

    [Fact]
    public void Create_application_says_aws_cloud_provider_when_the_type_is_gcp_cloudfunction()
    {
        var body = ApplicationDefinition.Render(CloudFunction().Load(), "team@example.com");

        Assert.Equal("aws", body["job"]![0]!["application"]!["cloudProviders"]!.GetValue<string>());
    }

    private static ScenarioBuilder CloudFunction()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region")
            .Edit("pipeline.json", p =>
            {
                p["type"] = "cloudfunction";
                p["env"] = new JsonArray("dev", "prod");
            })
            .Edit("application-master-dev.json", e => e["regions"] = new JsonObject { ["us-central1"] = new JsonObject() })
            .Edit("application-master-prod.json", e => e["regions"] = new JsonObject { ["us-central1"] = new JsonObject(), ["us-east1"] = new JsonObject() });

        // Only dev and prod are GCP envs; stage stays an AWS env and is not loaded for a GCP type.
        builder.Config["gcp"] = JsonNode.Parse("""{"envs": {"dev": {"organization": "example.com"}, "prod": {"organization": "example.com"}}}""");
        return builder;
    }

    private static List<string> StageNames(GeneratedPipeline pipeline) =>
        pipeline.Document["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
}
