using Amazon.EC2.Model;
using Foremast.Aws.Http;
using Foremast.Aws.Tests.Support;

namespace Foremast.Cli.Tests.Aws;

/// <summary><c>foremast diff</c> on the README example's dev env against moto: drift made by hand or by the config, and no write ever.</summary>
public sealed class DiffCommandTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly string[] Dev = ["--env", "dev", "--region", "us-east-1"];

    [Fact]
    public async Task Diff_reports_nothing_after_infra_then_each_hand_made_and_config_change_with_exit_4_and_no_write()
    {
        var log = new CallLog();
        var services = MotoCli.Services(moto, log);
        var session = MotoCli.Session(moto, "dev", "us-east-1");
        var network = await ExampleAccount.SeedAsync(session.Ec2, "us-east-1");
        await DnsSeed.EnvZonesAsync(session, ["dev"], "example.com", network.Network.VpcId);
        var (infraCode, infraOut, infraError) = CliRunner.Run(services, null, ["infra", MotoCli.Runway, .. MotoCli.Names, .. Dev]);
        Assert.True(infraCode == 0, infraOut + infraError);
        log.Clear();

        // RUNWAY_DIR, ENV and REGION stand in for the absent arguments, as for infra.
        var environment = new Dictionary<string, string?> { ["RUNWAY_DIR"] = MotoCli.Runway, ["ENV"] = "dev", ["REGION"] = "us-east-1" };
        var clean = CliRunner.Run(services, environment, ["diff", .. MotoCli.Names]);
        Assert.Equal((0, "", ""), (clean.ExitCode, clean.Out, clean.Error));
        Assert.NotEmpty(log.Calls);
        Assert.Empty(log.Writes);

        await RevokeSelfRuleAsync(session, "webshopacme");
        var elb = await ChangeHealthCheckAsync(session, "webshopacme");
        log.Clear();
        var drifted = CliRunner.Run(services, null, ["diff", MotoCli.Runway, .. MotoCli.Names, .. Dev]);

        Assert.Equal(4, drifted.ExitCode);
        Assert.Empty(drifted.Error);
        var lines = MotoCli.Lines(drifted.Out);
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.StartsWith("dev us-east-1: would update securitygroup webshopacme: ", StringComparison.Ordinal) && l.Contains("8080", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"dev us-east-1: would update loadbalancer {elb}", StringComparison.Ordinal) && l.Contains("HTTP:8080/health", StringComparison.Ordinal));
        Assert.Empty(log.Writes);

        var changed = ConfigWithExtraPort(8443);
        var fromConfig = CliRunner.Run(services, null, ["diff", changed, .. MotoCli.Names, .. Dev]);

        Assert.Equal(4, fromConfig.ExitCode);
        Assert.Contains(MotoCli.Lines(fromConfig.Out), l => l.StartsWith("dev us-east-1: would update securitygroup webshopacme: ", StringComparison.Ordinal) && l.Contains("8443", StringComparison.Ordinal));
        Assert.Empty(log.Writes);
    }

    [Fact]
    public void Diff_stops_at_the_first_account_error_with_one_line_and_exit_1()
    {
        // No VPC in eu-west-1 of this account: the example pinned there has nothing to compare with.
        var dir = ConfigWithRegion("eu-west-1");

        var (code, output, error) = CliRunner.Run(MotoCli.Services(moto), null, ["diff", dir, .. MotoCli.Names]);

        Assert.Equal(1, code);
        // What the phases before the failing one found is still reported (IAM and S3 need no VPC).
        Assert.All(MotoCli.Lines(output), l => Assert.StartsWith("dev eu-west-1: would create ", l, StringComparison.Ordinal));
        Assert.StartsWith("error: dev eu-west-1: ", error.Trim(), StringComparison.Ordinal);
        Assert.Contains("no VPC tagged Name=vpc", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Trim());
    }

    [Fact]
    public void Diff_without_the_aws_executors_refuses_rather_than_reporting_every_resource_missing()
    {
        var (code, output, error) = CliRunner.Run(["diff", MotoCli.Runway, .. MotoCli.Names, .. Dev]);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith("error: diff reads the live account, but there is no live executor for the dns, iam, loadbalancer, s3, securitygroup resources here", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_of_an_env_the_config_does_not_have_exits_2()
    {
        var (code, output, error) = CliRunner.Run(MotoCli.Services(moto), null, ["diff", MotoCli.Runway, .. MotoCli.Names, "--env", "qa"]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("error: --env qa: no application-master-qa.json in", error.Trim(), StringComparison.Ordinal);
    }

    private static async Task RevokeSelfRuleAsync(Foremast.Aws.AwsSession session, string group)
    {
        var found = (await session.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("group-name", [group])] })).SecurityGroups.Single();
        var rule = found.IpPermissions.Single(p => p.FromPort == 8080 && p.UserIdGroupPairs.Any(g => g.GroupId == found.GroupId));
        await session.Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = found.GroupId, IpPermissions = [rule] });
    }

    /// <returns>The load balancer's name.</returns>
    private static async Task<string> ChangeHealthCheckAsync(Foremast.Aws.AwsSession session, string app)
    {
        var described = await session.Elb.CallAsync("DescribeLoadBalancers", new QueryParameters());
        var name = described.Members("LoadBalancerDescriptions").Select(d => d.Value("LoadBalancerName")!).Single(n => n.StartsWith(app, StringComparison.Ordinal));
        await session.Elb.CallAsync("ConfigureHealthCheck", new QueryParameters()
            .Set("LoadBalancerName", name)
            .Set("HealthCheck.Target", "TCP:8080")
            .Set("HealthCheck.Interval", 30).Set("HealthCheck.Timeout", 5)
            .Set("HealthCheck.UnhealthyThreshold", 2).Set("HealthCheck.HealthyThreshold", 10));
        return name;
    }

    private static string ConfigWithExtraPort(int port) => Copy(dev => dev.Replace("\"$self\": [8080]", $"\"$self\": [8080, {port}]", StringComparison.Ordinal));

    private static string ConfigWithRegion(string region) => Copy(dev => dev.Replace("\"us-east-1\": {}", $"\"{region}\": {{}}", StringComparison.Ordinal));

    /// <summary>A copy of the example runway with dev's file edited, only dev kept (the other envs are not seeded here).</summary>
    private static string Copy(Func<string, string> editDev)
    {
        var dir = Directory.CreateTempSubdirectory("foremast-diff-").FullName;
        File.WriteAllText(Path.Combine(dir, "pipeline.json"), File.ReadAllText(Path.Combine(MotoCli.Runway, "pipeline.json")).Replace("[\"dev\", \"stage\", \"prod\"]", "[\"dev\"]", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(dir, "application-master-dev.json"), editDev(File.ReadAllText(Path.Combine(MotoCli.Runway, "application-master-dev.json"))));
        return dir;
    }
}
