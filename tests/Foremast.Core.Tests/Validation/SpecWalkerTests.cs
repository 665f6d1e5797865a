using System.Text.Json.Nodes;
using Foremast.Core.Validation;
using Foremast.Core.Validation.Spec;

namespace Foremast.Core.Tests.Validation;

public class SpecWalkerTests
{
    private static string[] Env(string json) => Walk(EnvironmentSpec.Root, json);

    private static string[] Pipeline(string json) => Walk(PipelineSpec.Root, json);

    private static string[] Walk(SpecNode spec, string json)
    {
        var diagnostics = new List<Diagnostic>();
        new SpecWalker("f.json", diagnostics).Walk(spec, JsonNode.Parse(json), "$");
        return diagnostics.Select(d => d.ToString()).ToArray();
    }

    [Fact]
    public void Wrong_type_names_path_expectation_and_value_when_a_count_is_a_string()
    {
        Assert.Equal(["f.json: $.asg.min_inst: expected an integer from 0 to 2147483647, got string \"2\""], Env("""{"asg": {"min_inst": "2"}}"""));
    }

    [Fact]
    public void Numbers_outside_int32_are_rejected_when_the_key_is_a_count()
    {
        Assert.Equal(
            ["f.json: $.asg.max_inst: expected an integer from 0 to 2147483647, got number 99999999999", "f.json: $.dns.ttl: expected an integer from 0 to 2147483647, got number 1e400"],
            Env("""{"asg": {"max_inst": 99999999999}, "dns": {"ttl": 1e400}}"""));
    }

    [Fact]
    public void Negative_counts_and_fractions_are_rejected_when_an_integer_is_expected()
    {
        Assert.Equal(
            ["f.json: $.asg.min_inst: expected an integer from 0 to 2147483647, got number -1", "f.json: $.asg.max_inst: expected an integer from 0 to 2147483647, got number 2.5"],
            Env("""{"asg": {"min_inst": -1, "max_inst": 2.5}}"""));
    }

    [Fact]
    public void Whole_numbers_written_with_a_fraction_are_integers_when_the_fraction_is_zero()
    {
        Assert.Empty(Env("""{"asg": {"min_inst": 2.0}}"""));
    }

    [Fact]
    public void Enum_lists_the_allowed_values_when_deploy_strategy_is_unknown()
    {
        var line = Assert.Single(Env("""{"deploy_strategy": "blue-green"}"""));
        Assert.Equal("f.json: $.deploy_strategy: expected one of highlander, redblack, rollingredblack, rollingpush, monitored, custom, canary, alpha, mirror, branchrelease, got string \"blue-green\"", line);
    }

    [Fact]
    public void Case_insensitive_enums_accept_any_case_when_foremast_normalises_them()
    {
        Assert.Empty(Env("""{"asg": {"hc_type": "ec2"}, "completion_webhooks": [{"url": "https://x.example.com", "method": "post"}]}"""));
    }

    [Fact]
    public void Elb_subnet_purpose_must_be_internal_or_external()
    {
        Assert.Equal(["f.json: $.elb.subnet_purpose: expected one of internal, external, got string \"public\""], Env("""{"elb": {"subnet_purpose": "public"}}"""));
    }

    [Fact]
    public void Elb_type_accepts_the_three_load_balancer_kinds_and_nothing_else()
    {
        Assert.Empty(Env("""{"elb": {"type": "application"}}"""));
        Assert.Empty(Env("""{"elb": {"type": "network", "target": "TCP:8080"}}"""));
        Assert.Equal(["f.json: $.elb.type: expected one of classic, application, network, got string \"gateway\""], Env("""{"elb": {"type": "gateway"}}"""));
    }

    [Theory]
    [InlineData("HTTP:8080/health")]
    [InlineData("https:8443/")]
    [InlineData("TCP:8080")]
    [InlineData("SSL:443")]
    public void Elb_target_is_accepted_when_it_is_proto_port_and_an_optional_http_path(string target)
    {
        Assert.Empty(Env("{\"elb\": {\"target\": \"" + target + "\"}}"));
    }

    [Theory]
    [InlineData("HTTP8080")]
    [InlineData("TCP:8080/health")]
    [InlineData("HTTP:0")]
    [InlineData("HTTP:65536")]
    [InlineData("UDP:53")]
    public void Elb_target_is_rejected_when_malformed(string target)
    {
        var line = Assert.Single(Env("{\"elb\": {\"target\": \"" + target + "\"}}"));
        Assert.StartsWith("f.json: $.elb.target: expected \"PROTO:PORT[/path]\" such as \"HTTP:8080/health\" or \"TCP:8080\"", line);
        Assert.EndsWith($"got string \"{target}\"", line);
    }

    [Fact]
    public void Listener_ports_report_their_index_when_one_is_malformed()
    {
        var line = Assert.Single(Env("""{"elb": {"ports": [{"loadbalancer": "HTTP:80", "instance": "HTTP:8080"}, {"loadbalancer": "HTTP-80", "instance": "HTTP:8080"}]}}"""));
        Assert.StartsWith("f.json: $.elb.ports[1].loadbalancer: expected \"PROTO:PORT\"", line);
    }

    [Fact]
    public void Unknown_key_is_a_warning_with_a_suggestion_when_it_is_a_typo()
    {
        Assert.Equal(
            ["f.json: $.asg.min_instances: warning: unknown key \"min_instances\" (ignored); did you mean \"min_inst\"?", "f.json: $.dsn: warning: unknown key \"dsn\" (ignored); did you mean \"dns\"?"],
            Env("""{"asg": {"min_instances": 1}, "dsn": {}}"""));
    }

    [Fact]
    public void Free_form_objects_accept_any_keys_and_values()
    {
        Assert.Empty(Env("""{"app": {"custom_tags": {"anything": "x", "count": 3}, "lambda_environment": {"Variables": {"A": "1"}}}, "qe": {"whatever": true}, "datapipeline": {"json_definition": {"objects": []}}}"""));
        Assert.Empty(Pipeline("""{"template_variables": [{"x": 1}], "instance_links": {"docs": "/d"}, "services": {"s3": ["b"], "sqs": true, "iam": "x"}}"""));
    }

    [Fact]
    public void Nullable_keys_accept_null_when_their_default_is_null()
    {
        Assert.Empty(Env("""{"app": {"approval_timeout": null, "lambda_role": null}, "asg": {"ssh_keypair": null, "enable_public_ips": null}, "elb": {"idle_timeout": null, "certificate": null}}"""));
        Assert.Equal(["f.json: $.asg.min_inst: expected an integer from 0 to 2147483647, got null"], Env("""{"asg": {"min_inst": null}}"""));
    }

    [Fact]
    public void Region_override_is_checked_against_the_env_spec_with_its_region_in_the_path()
    {
        Assert.Equal(
            ["f.json: $.regions.us-west-2.asg.max_inst: expected an integer from 0 to 2147483647, got string \"4\"", "f.json: $.regions.us-west-2.asg.max_ints: warning: unknown key \"max_ints\" (ignored); did you mean \"max_inst\"?"],
            Env("""{"regions": {"us-east-1": {}, "us-west-2": {"asg": {"max_inst": "4", "max_ints": 1}}}}"""));
    }

    [Fact]
    public void Region_names_are_accepted_when_they_are_aws_or_gcp_regions()
    {
        Assert.Empty(Env("""{"regions": {"us-east-1": {}, "us-gov-west-1": {}, "us-central1": {}, "europe-west4": {}, "northamerica-northeast1": {}}}"""));
        Assert.Equal(["f.json: $.regions[0]: expected a region name like \"us-east-1\", got string \"useast1\""], Env("""{"regions": ["useast1"]}"""));
    }

    [Fact]
    public void Region_names_must_look_like_regions_in_both_dict_and_list_form()
    {
        Assert.Equal(["f.json: $.regions.US_EAST_1: expected a region name like \"us-east-1\", got key \"US_EAST_1\""], Env("""{"regions": {"US_EAST_1": {}}}"""));
        Assert.Equal(["f.json: $.regions[1]: expected a region name like \"us-east-1\", got string \"west\""], Env("""{"regions": ["us-east-1", "west"]}"""));
        Assert.Equal(["f.json: $.regions: expected an object {region: overrides} or a list of region names, got string \"us-east-1\""], Env("""{"regions": "us-east-1"}"""));
    }

    [Fact]
    public void Region_override_must_be_an_object_when_regions_is_a_dict()
    {
        Assert.Equal(["f.json: $.regions.us-east-1: expected an object, got null"], Env("""{"regions": {"us-east-1": null}}"""));
    }

    [Fact]
    public void Ingress_rules_accept_ports_and_port_range_objects_keyed_by_any_source()
    {
        Assert.Empty(Env("""{"security_group": {"ingress": {"$self": [8080], "10.0.0.0/8": [{"start_port": 1, "end_port": 2, "protocol": "tcp", "env": "prod"}]}}}"""));
        Assert.Equal(
            ["f.json: $.security_group.ingress['10.0.0.0/8'][0]: expected a port number from -1 to 65535 or an object {start_port, end_port, protocol, env}, got string \"80\"", "f.json: $.security_group.ingress.app[0]: missing required key \"end_port\""],
            Env("""{"security_group": {"ingress": {"10.0.0.0/8": ["80"], "app": [{"start_port": 80}]}}}"""));
    }

    [Fact]
    public void Lambda_triggers_are_checked_by_their_type()
    {
        Assert.Equal(
            [
                "f.json: $.lambda_triggers[0]: missing required key \"queue_arn\"",
                "f.json: $.lambda_triggers[1].schedule: expected a string, got number 5",
                "f.json: $.lambda_triggers[2].type: expected one of api-gateway, cloudwatch-event, cloudwatch-logs, dynamodb-stream, kinesis-stream, sqs, sns, s3, got string \"cron\"",
                "f.json: $.lambda_triggers[3].bucket_name: warning: unknown key \"bucket_name\" (ignored); did you mean \"bucket\"?",
            ],
            Env("""{"lambda_triggers": [{"type": "sqs", "batch_size": 5}, {"type": "cloudwatch-event", "rule_name": "r", "schedule": 5}, {"type": "cron"}, {"type": "s3", "bucket": "b", "bucket_name": "b"}]}"""));
    }

    [Fact]
    public void Scaling_policy_requires_a_threshold_only_when_it_is_not_empty()
    {
        Assert.Empty(Env("""{"asg": {"scaling_policy": {}}}"""));
        Assert.Equal(["f.json: $.asg.scaling_policy: missing required key \"threshold\""], Env("""{"asg": {"scaling_policy": {"metric": "CPUUtilization"}}}"""));
    }

    [Fact]
    public void Access_log_needs_all_three_keys_when_set()
    {
        Assert.Equal(
            ["f.json: $.elb.access_log: missing required key \"bucket_prefix\"", "f.json: $.elb.access_log: missing required key \"emit_interval\""],
            Env("""{"elb": {"access_log": {"bucket_name": "logs"}}}"""));
    }

    [Fact]
    public void Completion_webhooks_need_an_http_url()
    {
        Assert.Equal(
            ["f.json: $.completion_webhooks[0].url: expected an http:// or https:// URL, got string \"hooks.example.com\"", "f.json: $.completion_webhooks[1]: missing required key \"url\""],
            Env("""{"completion_webhooks": [{"url": "hooks.example.com", "name": "n"}, {"name": "n", "payload": {"a": 1}, "custom_headers": {"X": "y"}}]}"""));
    }

    [Fact]
    public void Strings_holding_numbers_are_checked_as_numbers_when_foremast_casts_them()
    {
        Assert.Empty(Env("""{"app": {"lambda_memory": "256", "lambda_timeout": 60}}"""));
        Assert.Equal(["f.json: $.app.lambda_memory: expected an integer from 128 to 10240 (a number or a string of digits), got string \"64\""], Env("""{"app": {"lambda_memory": "64"}}"""));
    }

    [Fact]
    public void Pipeline_env_names_must_be_unique_and_well_formed()
    {
        Assert.Equal(
            ["f.json: $.env[1]: expected an env name (letters, digits, '_', '.', '-'), got string \"\"", "f.json: $.env[2]: expected a value not already listed, got duplicate string \"dev\" (also at [0])"],
            Pipeline("""{"env": ["dev", "", "dev"]}"""));
    }

    [Fact]
    public void Pipeline_blocks_are_checked_like_env_blocks()
    {
        Assert.Equal(
            ["f.json: $.image.root_volume_size: expected an integer from 1 to 16384, got string \"8\"", "f.json: $.lambda.package_type: expected one of zip, image, got string \"jar\"", "f.json: $.primary_region: expected a region name like \"us-east-1\", got string \"east\""],
            Pipeline("""{"image": {"root_volume_size": "8"}, "lambda": {"package_type": "jar"}, "primary_region": "east"}"""));
    }

    [Fact]
    public void Every_problem_is_reported_when_a_document_has_several()
    {
        Assert.Equal(5, Env("""{"app": {"instance_type": 1}, "asg": {"min_inst": "a", "max_inst": "b"}, "elb": {"target": "x"}, "dns": {"ttl": -5}}""").Length);
    }

    [Fact]
    public void Values_built_in_code_are_judged_like_parsed_ones()
    {
        var diagnostics = new List<Diagnostic>();
        var env = new JsonObject { ["asg"] = new JsonObject { ["min_inst"] = 2, ["max_inst"] = 3L, ["hc_grace_period"] = 1.5 }, ["dns"] = new JsonObject { ["ttl"] = 60m } };

        new SpecWalker("f.json", diagnostics).Walk(EnvironmentSpec.Root, env, "$");

        Assert.Equal(["f.json: $.asg.hc_grace_period: expected an integer from 0 to 2147483647, got number 1.5"], diagnostics.Select(d => d.ToString()));
    }
}
