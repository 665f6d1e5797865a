using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Config.Aws;
using Foremast.Core.Validation;

namespace Foremast.Core.Tests.Config;

public sealed class AwsSettingsTests
{
    private static (ForemastSettings Settings, List<Diagnostic> Diagnostics) Parse(string json)
    {
        var diagnostics = new List<Diagnostic>();
        var settings = ForemastSettingsLoader.Parse(JsonNode.Parse(json)!.AsObject(), "config.json", "/etc/foremast", diagnostics);
        return (settings, diagnostics);
    }

    [Fact]
    public void Accounts_map_envs_to_a_profile_or_a_role()
    {
        var (settings, diagnostics) = Parse("""
            {"aws": {"accounts": {"dev": {"profile": "sandbox"}, "prod": {"role_arn": "arn:aws:iam::210987654321:role/deployer"}}}}
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(new AwsAccount("sandbox", null), settings.Aws.Accounts["dev"]);
        Assert.Equal(new AwsAccount(null, "arn:aws:iam::210987654321:role/deployer"), settings.Aws.Accounts["prod"]);
    }

    [Theory]
    [InlineData("""{"aws": {"accounts": {"dev": {}}}}""", "config.json: $.aws.accounts.dev: expected exactly one of {\"profile\": \"name\"} or {\"role_arn\": \"arn:aws:iam::…:role/…\"}, got an object")]
    [InlineData("""{"aws": {"accounts": {"dev": {"profile": "a", "role_arn": "arn:aws:iam::1:role/x"}}}}""", "config.json: $.aws.accounts.dev: expected exactly one of {\"profile\": \"name\"} or {\"role_arn\": \"arn:aws:iam::…:role/…\"}, got an object")]
    [InlineData("""{"aws": {"accounts": {"dev": {"role_arn": "deployer"}}}}""", "config.json: $.aws.accounts.dev.role_arn: expected an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME), got \"deployer\"")]
    [InlineData("""{"aws": {"subnets": {"dev": {"us-east-1": {"lambda": ["subnet-1"]}}}}}""", "config.json: $.aws.subnets.dev.us-east-1.lambda: expected the target \"ec2\" or \"elb\", got \"lambda\"")]
    [InlineData("""{"aws": {"subnets": {"dev": {"us-east-1": {"ec2": ["sg-1"]}}}}}""", "config.json: $.aws.subnets.dev.us-east-1.ec2: expected a list of subnet ids (\"subnet-…\"), got an array")]
    public void Bad_entries_are_one_error_each_naming_the_json_path(string json, string expected)
    {
        var (_, diagnostics) = Parse(json);

        Assert.Equal(expected, Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Subnet_overrides_are_found_by_env_region_and_target_and_survive_a_snapshot_round_trip()
    {
        var (settings, _) = Parse("""{"aws": {"subnets": {"dev": {"us-east-1": {"ec2": ["subnet-a", "subnet-b"]}}}}}""");

        var copy = JsonSerializer.Deserialize<ForemastSettings>(JsonSerializer.Serialize(settings))!;

        Assert.Equal(["subnet-a", "subnet-b"], copy.Aws.SubnetsFor("dev", "us-east-1", "ec2"));
        Assert.Null(copy.Aws.SubnetsFor("dev", "us-east-1", "elb"));
    }
}
