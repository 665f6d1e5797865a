using Amazon.EC2.Model;
using Foremast.Aws;
using Foremast.Aws.AutoScaling;
using Foremast.Aws.Http;
using Foremast.Aws.Tests.Support;

namespace Foremast.Cli.Tests.Aws;

/// <summary><c>foremast autoscaling</c> on the README example's stage env (CPUUtilization at 70) against moto.</summary>
public sealed class AutoscalingCommandTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Attaches_the_env_policies_to_its_newest_server_group_and_a_second_run_changes_nothing()
    {
        var session = MotoCli.Session(moto, "stage", "us-east-1");
        var network = await AccountSeed.NetworkAsync(session.Ec2, "us-east-1", cidrPrefix: "10.80");
        await ServerGroupAsync(session, "webshopacme-v001", "stage", network.Ec2Subnets[0]);
        await ServerGroupAsync(session, "webshopacme-v002", "stage", network.Ec2Subnets[0]);
        // Newer, but another env's: scaling only touches its own env's groups when envs share an account.
        await ServerGroupAsync(session, "webshopacme-v003", "prod", network.Ec2Subnets[0]);
        var log = new CallLog();
        string[] args = ["autoscaling", MotoCli.Runway, .. MotoCli.Names, "--env", "stage", "--region", "us-east-1"];

        var first = CliRunner.Run(MotoCli.Services(moto, log), null, args);
        log.Clear();
        var second = CliRunner.Run(MotoCli.Services(moto, log), null, args);

        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        var created = MotoCli.Lines(first.Out);
        Assert.Contains(created, l => l.StartsWith("created scalingpolicy ", StringComparison.Ordinal) && l.EndsWith(" on webshopacme-v002", StringComparison.Ordinal));
        Assert.Contains(created, l => l.StartsWith("created alarm ", StringComparison.Ordinal) && l.Contains("CPUUtilization", StringComparison.Ordinal) && l.Contains("70", StringComparison.Ordinal));
        var policies = new AutoScalingPolicies(session.AutoScaling);
        Assert.NotEmpty(await policies.DescribePoliciesAsync("webshopacme-v002", default));
        Assert.Empty(await policies.DescribePoliciesAsync("webshopacme-v003", default));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(created.Count, MotoCli.Lines(second.Out).Count);
        Assert.All(MotoCli.Lines(second.Out), l => Assert.StartsWith("unchanged ", l, StringComparison.Ordinal));
        Assert.Empty(log.Writes);
    }

    [Fact]
    public void An_env_without_a_server_group_exits_1_with_one_line()
    {
        var environment = new Dictionary<string, string?> { ["ENV"] = "stage", ["REGION"] = "us-west-2", ["PROJECT"] = "acme", ["GIT_REPO"] = "webshop" };

        var (code, output, error) = CliRunner.Run(MotoCli.Services(moto), environment, "autoscaling", MotoCli.Runway, "--config", MotoCli.Config);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal("error: no server group of webshopacme in env stage, region us-west-2 to attach scaling policies to: deploy first", error.Trim());
    }

    [Fact]
    public void Autoscaling_needs_an_env_and_a_region()
    {
        var (code, _, error) = CliRunner.Run(MotoCli.Services(moto), null, ["autoscaling", MotoCli.Runway, .. MotoCli.Names, "--env", "stage"]);

        Assert.Equal(2, code);
        Assert.Equal("error: --region: required (or set REGION)", error.Trim());
    }

    /// <summary>What a deploy leaves: a server group tagged with its app and env (empty, so moto starts no instances).</summary>
    private static async Task ServerGroupAsync(AwsSession session, string name, string env, string subnet)
    {
        await session.Ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
        {
            LaunchTemplateName = name,
            LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-12c6146b", InstanceType = "t3.micro" },
        });
        await session.AutoScaling.CallAsync("CreateAutoScalingGroup", new QueryParameters()
            .Set("AutoScalingGroupName", name)
            .Set("LaunchTemplate.LaunchTemplateName", name)
            .Set("MinSize", 0).Set("MaxSize", 0).Set("DesiredCapacity", 0)
            .Set("VPCZoneIdentifier", subnet)
            .Set("Tags.member.1.Key", "app_name").Set("Tags.member.1.Value", "webshopacme").Set("Tags.member.1.PropagateAtLaunch", "true")
            .Set("Tags.member.2.Key", "foremast:env").Set("Tags.member.2.Value", env).Set("Tags.member.2.PropagateAtLaunch", "true"));
    }
}
