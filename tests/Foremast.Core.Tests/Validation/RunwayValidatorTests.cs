using System.Text.Json.Nodes;
using Foremast.Core.Validation;

namespace Foremast.Core.Tests.Validation;

public class RunwayValidatorTests
{
    private const string Dev = "application-master-dev.json";
    private const string Prod = "application-master-prod.json";
    private const string Stage = "application-master-stage.json";

    [Fact]
    public void Conformance_scenarios_load_without_any_diagnostic()
    {
        foreach (var scenario in Foremast.Tests.Shared.Fixtures.ScenarioNames)
        {
            var result = Runways.Load(Runways.Texts(scenario), Runways.Settings(scenario));
            Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
            Assert.Empty(result.Diagnostics);
        }
    }

    [Fact]
    public void Min_inst_above_the_default_max_is_an_error_when_max_is_not_set()
    {
        var result = Runways.LoadEdited(Dev, d => d["asg"] = new JsonObject { ["min_inst"] = 5 });

        Assert.Null(result.Snapshot);
        Assert.Equal(["application-master-dev.json: $.asg.min_inst: expected at most max_inst (3), got number 5"], Runways.Lines(result));
    }

    [Fact]
    public void Region_override_is_checked_with_the_env_values_it_inherits()
    {
        // stage sets min 2, max 4; the us-west-2 override lowers max below the inherited min.
        var result = Runways.LoadEdited(Stage, d => d["regions"]!["us-west-2"] = JsonNode.Parse("""{"asg": {"max_inst": 1}}"""));

        Assert.Equal(["application-master-stage.json: $.regions.us-west-2.asg.max_inst: expected at least min_inst (2), got number 1"], Runways.Lines(result));
    }

    [Fact]
    public void Ingress_port_range_must_not_run_backwards()
    {
        var result = Runways.LoadEdited(Dev, d => d["security_group"]!["ingress"] = JsonNode.Parse("""{"lb": [{"start_port": 9000, "end_port": 8080}]}"""));

        Assert.Equal(["application-master-dev.json: $.security_group.ingress.lb[0].start_port: expected at most end_port (8080), got number 9000"], Runways.Lines(result));
    }

    [Fact]
    public void Network_load_balancer_rejects_http_listeners_when_elb_type_is_network()
    {
        var result = Runways.LoadEdited(Dev, d => d["elb"]!["type"] = "network");

        Assert.Equal(
            [
                "application-master-dev.json: $.elb.ports[0].loadbalancer: expected a protocol a network load balancer supports (TCP, TLS, UDP, TCP_UDP), got string \"HTTP:80\"",
                "application-master-dev.json: $.elb.ports[0].instance: expected a protocol a network load balancer supports (TCP, TLS, UDP, TCP_UDP), got string \"HTTP:8080\"",
            ],
            Runways.Lines(result));
    }

    [Fact]
    public void Application_load_balancer_accepts_http_listeners()
    {
        var result = Runways.LoadEdited(Prod, d => d["elb"]!["type"] = "application");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Approval_skip_is_a_warning_that_it_is_ignored_when_env_configs_does_not_allow_it()
    {
        var result = Runways.LoadEdited(Prod, d => d["app"]!["approval_skip"] = true);

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("application-master-prod.json: $.app.approval_skip: warning: ignored: the Foremast config does not allow approval_skip in env \"prod\" (base.env_configs.prod.enable_approval_skip is not true), so the Checkpoint stays", warning.ToString());
        Assert.Contains(warning, result.Snapshot!.Warnings);
    }

    [Fact]
    public void Notification_types_the_engine_does_not_send_are_a_warning_naming_the_ones_it_does()
    {
        var result = Runways.LoadEdited("pipeline.json", p => p["pipeline_notifications"] = new JsonArray(
            new JsonObject { ["type"] = "slack", ["address"] = "#a" },
            new JsonObject { ["type"] = "pubsub", ["address"] = "topic" }));

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("pipeline.json: $.pipeline_notifications[1].type: warning: \"pubsub\" notifications stay in the generated Spinnaker pipelines, but this engine does not send them (it sends slack, email, microsoftteams, googlechat, webhook)", warning.ToString());
    }

    [Fact]
    public void Approval_skip_passes_silently_when_env_configs_allows_it()
    {
        var result = Runways.LoadEdited(Dev, d => d["app"]!["approval_skip"] = true);

        Assert.True(result.IsValid);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Pipeline_type_must_be_a_configured_type()
    {
        var result = Runways.LoadEdited("pipeline.json", p => p["type"] = "ec3");

        Assert.Equal(["pipeline.json: $.type: expected one of ec2, lambda, s3, datapipeline, stepfunction, rolling, cloudfunction, manual, got string \"ec3\""], Runways.Lines(result));
    }

    [Fact]
    public void Every_env_in_pipeline_json_needs_its_file()
    {
        var texts = Runways.Texts("01-ec2-3env-2region");
        texts.Remove(Stage);

        var result = Runways.Load(texts, Runways.Settings("01-ec2-3env-2region"));

        Assert.Equal(["application-master-stage.json: $: missing: pipeline.json lists env \"stage\" but application-master-stage.json does not exist"], Runways.Lines(result));
    }

    [Fact]
    public void Errors_in_several_files_are_all_reported_together()
    {
        var texts = Runways.Texts("01-ec2-3env-2region");
        texts[Dev] = "";
        texts[Prod] = "{\"app\": {";
        texts[Stage] = """{"asg": {"min_inst": "x"}}""";
        texts["pipeline.json"] = """{"env": ["dev", "stage", "prod"], "base": 5}""";

        var result = Runways.Load(texts, Runways.Settings("01-ec2-3env-2region"));

        Assert.Null(result.Snapshot);
        Assert.Equal(
            [
                "application-master-dev.json: $: file is empty (expected a JSON object)",
                "application-master-prod.json: 1:10: invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed",
                "pipeline.json: $.base: expected a string, got number 5",
                "application-master-stage.json: $.asg.min_inst: expected an integer from 0 to 2147483647, got string \"x\"",
            ],
            Runways.Lines(result));
    }

    [Fact]
    public void Duplicate_keys_are_reported_as_invalid_json_rather_than_thrown()
    {
        var texts = Runways.Texts("01-ec2-3env-2region");
        texts[Dev] = """{"asg": {"min_inst": 1, "min_inst": 2}}""";

        var result = Runways.Load(texts, Runways.Settings("01-ec2-3env-2region"));

        Assert.Null(result.Snapshot);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Dev, error.File);
        Assert.Contains("min_inst", error.Message);
    }

    [Fact]
    public void Env_file_outside_the_configured_envs_is_a_warning_that_it_is_ignored()
    {
        var texts = Runways.Texts("01-ec2-3env-2region");
        texts["application-master-qa.json"] = "{}";

        var result = Runways.Load(texts, Runways.Settings("01-ec2-3env-2region"));

        Assert.True(result.IsValid);
        Assert.Equal(["application-master-qa.json: $: warning: ignored: env \"qa\" is not one of the configured envs (dev, stage, prod)"], Runways.Lines(result));
    }

    [Fact]
    public void Schema_key_is_accepted_so_files_can_name_their_schema()
    {
        var result = Runways.LoadEdited(Dev, d => d["$schema"] = "../schemas/application-master.schema.json");

        Assert.True(result.IsValid);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Network_type_without_own_listeners_is_an_error_when_the_default_http_listener_would_apply()
    {
        var result = Runways.LoadEdited(Dev, d => d["elb"] = JsonNode.Parse("""{"type": "network", "target": "TCP:8080"}"""));

        Assert.Equal(["application-master-dev.json: $.elb.type: expected a load balancer kind that serves the inherited HTTP listener (set elb.ports here to change it), got string \"network\""], Runways.Lines(result));
    }

    [Fact]
    public void Region_override_switching_to_network_is_checked_against_the_env_listeners()
    {
        var result = Runways.LoadEdited(Prod, d => d["regions"]!["us-west-2"] = JsonNode.Parse("""{"elb": {"type": "network"}}"""));

        Assert.Equal(["application-master-prod.json: $.regions.us-west-2.elb.type: expected a load balancer kind that serves the inherited HTTPS listener (set elb.ports here to change it), got string \"network\""], Runways.Lines(result));
    }

    [Fact]
    public void Network_type_with_tcp_listeners_is_valid()
    {
        var result = Runways.LoadEdited(Dev, d => d["elb"] = JsonNode.Parse("""{"type": "network", "target": "TCP:8080", "ports": [{"loadbalancer": "TCP:80", "instance": "TCP:8080"}]}"""));

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Empty_regions_is_a_warning_that_the_env_deploys_nowhere()
    {
        var result = Runways.LoadEdited(Dev, d => d["regions"] = new JsonObject());

        Assert.Equal(["application-master-dev.json: $.regions: warning: no regions: env \"dev\" deploys nowhere (list at least one, such as {\"us-east-1\": {}})"], Runways.Lines(result));
    }
}
