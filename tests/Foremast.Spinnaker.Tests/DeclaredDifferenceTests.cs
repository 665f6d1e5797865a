using System.Text.Json.Nodes;
using Foremast.Spinnaker.Generator;

namespace Foremast.Spinnaker.Tests;

/// <summary>The two places where the generated pipelines differ from Foremast's on purpose.</summary>
public class DeclaredDifferenceTests
{
    [Fact]
    public void Prod_block_emits_deploy_once_and_numbers_the_scaling_branch_off_it_when_rendered_with_built_in_templates()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region");
        var pipeline = new PipelineGenerator().Generate(builder.Load(), builder.Lookups()).Single(p => p.Region == "us-east-1");

        var stages = pipeline.Document["stages"]!.AsArray();
        var deploys = stages.Where(s => s!["name"]!.GetValue<string>() == "Deploy prod").ToList();
        var deploy = Assert.Single(deploys)!;
        Assert.Equal("8", deploy["refId"]!.GetValue<string>());
        var scaling = stages.Single(s => s!["name"]!.GetValue<string>() == "Attach Scaling Policy [prod]")!;
        Assert.Equal("800", scaling["refId"]!.GetValue<string>());
        Assert.Equal(["8"], scaling["requisiteStageRefIds"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Theory]
    [InlineData("application")]
    [InlineData("network")]
    public void Deploy_cluster_references_the_target_group_and_no_classic_elb_when_the_env_uses_elbv2(string elbType)
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region").Edit("application-master-dev.json", dev =>
        {
            dev["elb"]!["type"] = elbType;
            // A network load balancer only speaks layer-4 protocols; the validator refuses HTTP listeners on one.
            if (elbType == "network") dev["elb"]!["ports"] = JsonNode.Parse("""[{"loadbalancer": "TCP:80", "instance": "TCP:8080"}]""");
        });
        var pipeline = new PipelineGenerator().Generate(builder.Load(), builder.Lookups()).Single(p => p.Region == "us-east-1");

        var dev = Cluster(pipeline, "Deploy dev");
        Assert.Equal(["unicornforrest"], dev["targetGroups"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Empty(dev["loadBalancers"]!.AsArray());
        var stage = Cluster(pipeline, "Deploy stage");
        Assert.False(stage.ContainsKey("targetGroups"));
        Assert.Equal(["unicornforrest"], stage["loadBalancers"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public void Deploy_cluster_keeps_the_classic_elb_when_elb_type_is_classic()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region").Edit("application-master-dev.json", dev => dev["elb"]!["type"] = "classic");
        var pipeline = new PipelineGenerator().Generate(builder.Load(), builder.Lookups()).Single(p => p.Region == "us-east-1");

        var dev = Cluster(pipeline, "Deploy dev");
        Assert.False(dev.ContainsKey("targetGroups"));
        Assert.Equal(["unicornforrest"], dev["loadBalancers"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    private static JsonObject Cluster(GeneratedPipeline pipeline, string stageName) =>
        pipeline.Document["stages"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == stageName)!["clusters"]![0]!.AsObject();
}
