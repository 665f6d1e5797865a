using Foremast.Spinnaker.Generator;

namespace Foremast.Spinnaker.Tests;

/// <summary>Foremast pasted values into JSON unescaped; here a printed string is always a valid JSON string.</summary>
public class JsonSafetyTests
{
    [Fact]
    public void Values_with_quotes_and_backslashes_stay_valid_json_when_printed_by_a_template()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region")
            .Edit("pipeline.json", p => p["owner_email"] = "team \"unicorn\" \\ ops")
            .Edit("application-master-stage.json", s => s["completion_webhooks"]![0]!["name"] = "Notify \"CMDB\"");

        var pipeline = new PipelineGenerator().Generate(builder.Load(), builder.Lookups()).Single(p => p.Region == "us-east-1");

        var stages = pipeline.Document["stages"]!.AsArray();
        Assert.Equal("team \"unicorn\" \\ ops", stages[2]!["clusters"]![0]!["tags"]!["owner_email"]!.GetValue<string>());
        Assert.Contains(stages, s => s!["name"]!.GetValue<string>() == "STAGE: Notify \"CMDB\"");
    }

    [Fact]
    public void User_data_script_gets_values_unescaped_when_rendered_with_the_json_templates()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region");
        var pipeline = new PipelineGenerator().Generate(builder.Load(), builder.Lookups()).Single(p => p.Region == "us-east-1");

        var encoded = pipeline.Document["stages"]![2]!["clusters"]![0]!["base64UserData"]!.GetValue<string>();
        var script = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        Assert.Equal("#!/bin/bash\nexport CLOUD_ENVIRONMENT=dev\nexport CLOUD_APP=unicornforrest\nexport EC2_REGION=us-east-1\nprintenv | grep 'CLOUD\\|EC2' | awk '$0=\"export \"$0' >> /etc/cloud_env", script);
    }

    [Fact]
    public void Zero_approval_timeout_is_left_out_like_jinja_when_a_template_tests_it()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region").Edit("application-master-prod.json", p => p["app"]!["approval_timeout"] = 0);

        var pipeline = new PipelineGenerator().Generate(builder.Load(), builder.Lookups()).Single(p => p.Region == "us-east-1");

        var checkpoint = pipeline.Document["stages"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Checkpoint prod")!.AsObject();
        Assert.False(checkpoint.ContainsKey("stageTimeoutMs"));
    }
}
