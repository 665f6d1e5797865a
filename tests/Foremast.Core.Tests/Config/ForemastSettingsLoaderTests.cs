using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Validation;
using Foremast.Tests.Shared;

namespace Foremast.Core.Tests.Config;

public class ForemastSettingsLoaderTests
{
    private static (ForemastSettings Settings, List<Diagnostic> Diagnostics) Parse(string json)
    {
        var diagnostics = new List<Diagnostic>();
        var settings = ForemastSettingsLoader.Parse(JsonNode.Parse(json)!.AsObject(), "config.json", "/etc/foremast", diagnostics);
        return (settings, diagnostics);
    }

    [Fact]
    public void Defaults_match_foremast_consts()
    {
        var (settings, diagnostics) = Parse("{}");

        Assert.Empty(diagnostics);
        Assert.Equal(["ec2", "rolling"], settings.Ec2PipelineTypes);
        Assert.Equal(["ec2", "lambda", "s3", "datapipeline", "stepfunction", "rolling"], settings.AwsTypes);
        Assert.Equal(["manual"], settings.AwsManualTypes);
        Assert.Equal(["cloudfunction"], settings.GcpTypes);
        Assert.Equal("runway", settings.RunwayBasePath);
        Assert.Equal("vpc", settings.VpcName);
        Assert.Equal(120, settings.TaskTimeoutDefaultSeconds);
        Assert.Equal(TimeSpan.FromHours(72), settings.ApprovalTimeout);
    }

    [Fact]
    public void Security_group_defaults_accept_a_comma_list_for_every_env()
    {
        var (settings, _) = Parse("""{"base": {"envs": "dev,prod", "default_ec2_securitygroups": "office,vpn"}}""");

        Assert.Equal(["office", "vpn"], settings.DefaultEc2SecurityGroups["dev"]);
        Assert.Equal(["office", "vpn"], settings.DefaultEc2SecurityGroups["prod"]);
        Assert.Empty(settings.DefaultElbSecurityGroups["dev"]);
    }

    [Fact]
    public void Security_group_defaults_accept_a_per_env_dict_as_python_literal_or_json()
    {
        var (literal, _) = Parse("""{"base": {"envs": "dev,prod", "default_elb_securitygroups": "{'prod': ['edge']}"}}""");
        var (native, _) = Parse("""{"base": {"envs": "dev,prod", "default_elb_securitygroups": {"prod": ["edge"]}}}""");

        Assert.Equal(["edge"], literal.DefaultElbSecurityGroups["prod"]);
        Assert.Empty(literal.DefaultElbSecurityGroups["dev"]);
        Assert.Equal(["edge"], native.DefaultElbSecurityGroups["prod"]);
    }

    [Fact]
    public void Deprecated_types_keys_override_the_aws_type_lists()
    {
        var (settings, _) = Parse("""{"base": {"types": "ec2,lambda", "manual_types": "custom"}}""");

        Assert.Equal(["ec2", "lambda"], settings.AwsTypes);
        Assert.Equal(["custom"], settings.AwsManualTypes);
    }

    [Fact]
    public void Task_timeouts_envs_is_read_from_a_json_string_as_foremast_requires()
    {
        var (settings, diagnostics) = Parse("""{"task_timeouts": {"default": 300, "envs": "{\"prod\": {\"upsertLoadBalancer\": 600}}"}}""");

        Assert.Empty(diagnostics);
        Assert.Equal(300, settings.TaskTimeoutDefaultSeconds);
        Assert.Equal(600, settings.TaskTimeouts["prod"]["upsertLoadBalancer"]);
    }

    [Fact]
    public void Relative_templates_path_is_resolved_against_the_config_files_directory()
    {
        var (settings, _) = Parse("""{"base": {"templates_path": "../templates"}}""");

        Assert.Equal("/etc/templates", settings.TemplatesPath);
    }

    [Fact]
    public void Links_default_accepts_the_python_dict_string_of_the_samples()
    {
        var settings = ForemastSettingsLoader.Load(Fixtures.ScenarioConfig("01-ec2-3env-2region"), new List<Diagnostic>());

        Assert.Equal(":8080/health", settings.DefaultLinks["health"]);
        Assert.Equal(["dev", "stage", "prod"], settings.Envs);
        Assert.True(settings.ApprovalSkipAllowed["stage"]);
        Assert.False(settings.ApprovalSkipAllowed["prod"]);
    }

    [Fact]
    public void Unknown_section_and_key_are_warnings_with_a_suggestion()
    {
        var (_, diagnostics) = Parse("""{"base": {"envz": "dev"}, "formatz": {}}""");

        Assert.Contains(diagnostics, d => d.Severity == Severity.Warning && d.Path == "$.base.envz" && d.Message.Contains("did you mean \"envs\""));
        Assert.Contains(diagnostics, d => d.Severity == Severity.Warning && d.Path == "$.formatz" && d.Message.Contains("did you mean \"formats\""));
    }

    [Fact]
    public void Wrong_types_are_errors_naming_the_key_and_expectation()
    {
        var (_, diagnostics) = Parse("""{"base": {"env_configs": {"prod": {"enable_approval_skip": "yes"}}}, "task_timeouts": {"default": -5}}""");

        Assert.Contains(diagnostics, d => d.ToString() == "config.json: $.base.env_configs.prod.enable_approval_skip: expected true or false, got string \"yes\"");
        Assert.Contains(diagnostics, d => d.ToString() == "config.json: $.task_timeouts.default: expected a whole number of seconds between 0 and 2147483647, got number -5");
    }
}
