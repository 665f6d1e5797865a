using System.Text.Json.Nodes;
using Foremast.Spinnaker.Generator;
using Foremast.Spinnaker.Lookups;

namespace Foremast.Spinnaker.Tests;

public class LookupsTests
{
    [Fact]
    public void Json_lookups_answer_every_section_when_read_from_the_documented_shape()
    {
        var lookups = JsonLookups.Parse("""
            {"amis": {"us-east-1": {"tomcat8": "ami-0123"}}, "availability_zones": {"dev": {"us-east-1": ["us-east-1a"]}},
             "accounts": {"dev": "111111111111"}, "pipelines": [{"application": "app", "name": "app [us-east-1]", "id": "abc"}]}
            """);

        Assert.Equal("ami-0123", lookups.AmiId("us-east-1", "tomcat8"));
        Assert.Null(lookups.AmiId("us-west-2", "tomcat8"));
        Assert.Equal(["us-east-1a"], lookups.AvailabilityZones("dev", "us-east-1"));
        Assert.Null(lookups.AvailabilityZones("dev", "us-west-2"));
        Assert.Equal("111111111111", lookups.AccountId("dev"));
        Assert.Equal("abc", lookups.ExistingPipelineId("app", "app [us-east-1]"));
    }

    [Fact]
    public void Env_is_left_out_of_a_region_pipeline_when_it_has_no_availability_zones_there()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region");
        builder.LookupsJson["availability_zones"]!["stage"]!.AsObject().Remove("us-west-2");

        var pipelines = new PipelineGenerator().Generate(builder.Load(), builder.Lookups());

        var west = pipelines.Single(p => p.Region == "us-west-2").Document["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("Deploy stage", west);
        // prod is now the first env there; a prod-like env keeps its checkpoint anyway.
        Assert.Equal(["Bake [us-west-2]", "Checkpoint prod", "Infrastructure Setup [prod]", "Deploy prod", "Attach Scaling Policy [prod]"], west);
        var east = pipelines.Single(p => p.Region == "us-east-1").Document["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>());
        Assert.Contains("Deploy stage", east);
    }

    [Fact]
    public void Deploy_cluster_uses_the_looked_up_zones_and_bake_the_looked_up_ami_when_lookups_answer()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region");
        builder.LookupsJson["availability_zones"]!["dev"]!["us-east-1"] = new JsonArray("us-east-1d");
        builder.LookupsJson["amis"]!["us-east-1"]!["tomcat8"] = "ami-override";

        var stages = new PipelineGenerator().Generate(builder.Load(), builder.Lookups()).Single(p => p.Region == "us-east-1").Document["stages"]!.AsArray();

        Assert.Equal("ami-override", stages[0]!["baseAmi"]!.GetValue<string>());
        Assert.Equal("us-east-1d", stages[2]!["clusters"]![0]!["availabilityZones"]!["us-east-1"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Pipeline_reuses_the_id_only_when_an_existing_pipeline_has_exactly_its_name()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region");
        builder.LookupsJson["pipelines"] = JsonNode.Parse("""
            [{"application": "unicornforrest", "name": "unicornforrest [us-east-1]", "id": "id-east"},
             {"application": "unicornforrest", "name": "unicornforrest [us-west-2] (onetime-stage)", "id": "id-west-onetime"}]
            """);

        var pipelines = new PipelineGenerator().Generate(builder.Load(), builder.Lookups());

        Assert.Equal("id-east", pipelines.Single(p => p.Region == "us-east-1").Document["id"]!.GetValue<string>());
        // Foremast would have taken the onetime pipeline's id here because its name contains the region.
        Assert.False(pipelines.Single(p => p.Region == "us-west-2").Document.ContainsKey("id"));
    }

    [Fact]
    public void Onetime_pipeline_reuses_the_id_of_the_existing_onetime_pipeline_and_disables_triggers()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region");
        builder.LookupsJson["pipelines"] = JsonNode.Parse("""
            [{"application": "unicornforrest", "name": "unicornforrest [us-west-2]", "id": "id-west"},
             {"application": "unicornforrest", "name": "unicornforrest [us-west-2] (onetime-stage)", "id": "id-west-onetime"}]
            """);

        var pipelines = new PipelineGenerator().Generate(builder.Load(), builder.Lookups(), onetimeEnv: "stage");

        var west = pipelines.Single(p => p.Region == "us-west-2");
        Assert.Equal("pipeline.us-west-2.onetime-stage.json", west.FileName);
        Assert.Equal("unicornforrest [us-west-2] (onetime-stage)", west.Name);
        Assert.Equal("id-west-onetime", west.Document["id"]!.GetValue<string>());
        Assert.All(west.Document["triggers"]!.AsArray(), t => Assert.False(t!["enabled"]!.GetValue<bool>()));
        Assert.False(pipelines.Single(p => p.Region == "us-east-1").Document.ContainsKey("id"));
    }
}
