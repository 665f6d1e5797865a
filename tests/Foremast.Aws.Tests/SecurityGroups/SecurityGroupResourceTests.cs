using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Foremast.Aws.Converge;
using Foremast.Aws.SecurityGroups;
using Foremast.Aws.Tests.Support;
using Foremast.Core.Validation;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Tests.SecurityGroups;

/// <summary>Each test seeds the example account in its own region, so the class's one moto serves them all.</summary>
public sealed class SecurityGroupResourceTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Creates_the_example_group_with_default_and_app_rules_then_a_second_run_writes_nothing()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example(region: "us-east-1");
        var seeded = await ExampleAccount.SeedAsync(clients.Session(context.Target).Ec2, "us-east-1");
        log.Clear();

        var created = await new SecurityGroupResource(clients).ConvergeAsync(context, default);
        var firstCalls = log.Calls.Select(c => c.Operation).ToList();

        Assert.Equal("created securitygroup webshopacme: ingress +tcp 22 from bastion, +tcp 8080 from webshopacme", Line(created.Changes.Single()));
        var group = await GroupAsync(clients.Session(context.Target).Ec2, seeded.Network.VpcId, "webshopacme");
        Assert.Equal("Auto-Gen SG for webshopacme", group.Description);
        Assert.Equal("acme", group.Tags.Single(t => t.Key == "app_group").Value);
        Assert.Equal("webshopacme", group.Tags.Single(t => t.Key == "app_name").Value);
        Assert.Equal(
            [("tcp", 22, seeded.Groups["bastion"]), ("tcp", 8080, group.GroupId)],
            group.IpPermissions.SelectMany(p => p.UserIdGroupPairs.Select(u => (p.IpProtocol, p.FromPort ?? 0, u.GroupId))).Order());
        Assert.Equal(["0.0.0.0/0"], group.IpPermissionsEgress.SelectMany(p => p.Ipv4Ranges.Select(r => r.CidrIp)));

        log.Clear();
        var again = await new SecurityGroupResource(clients).ConvergeAsync(context, default);

        Assert.Equal("unchanged securitygroup webshopacme", Line(again.Changes.Single()));
        Assert.Empty(log.Writes);
        Assert.Equal(["DescribeVpcs", "DescribeSecurityGroups"], log.Calls.Select(c => c.Operation));
        Assert.Equal(["DescribeVpcs", "DescribeSecurityGroups", "CreateSecurityGroup", "DescribeSecurityGroups", "AuthorizeSecurityGroupIngress"], firstCalls);
    }

    [Fact]
    public async Task Changed_config_revokes_rules_that_left_it_and_authorizes_new_ones_both_ways()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example(region: "us-west-2");
        var seeded = await ExampleAccount.SeedAsync(clients.Session(context.Target).Ec2, "us-west-2", cidrPrefix: "10.41");
        await new SecurityGroupResource(clients).ConvergeAsync(context, default);
        var changed = context.WithSettings(s => s["security_group"] = new JsonObject
        {
            ["ingress"] = new JsonObject
            {
                ["10.0.0.0/8"] = new JsonArray(443),
                ["office"] = new JsonArray(new JsonObject { ["start_port"] = 8000, ["end_port"] = 8100, ["protocol"] = "udp" }),
            },
            ["egress"] = "10.0.0.0/8",
        });

        log.Clear();
        var result = await new SecurityGroupResource(clients).ConvergeAsync(changed, default);

        Assert.Equal(
            "updated securitygroup webshopacme: +tcp 443 from 10.0.0.0/8, +udp 8000-8100 from office, -tcp 8080 from webshopacme; egress +all to 10.0.0.0/8, -all to 0.0.0.0/0",
            Line(result.Changes.Single()));
        Assert.Equal(["AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress"], log.Writes.Select(w => w.Operation));
        var group = await GroupAsync(clients.Session(context.Target).Ec2, seeded.Network.VpcId, "webshopacme");
        Assert.Equal(
            ["tcp 22-22 " + seeded.Groups["bastion"], "tcp 443-443 10.0.0.0/8", "udp 8000-8100 " + seeded.Groups["office"]],
            Rules(group.IpPermissions));
        Assert.Equal(["-1 10.0.0.0/8"], Rules(group.IpPermissionsEgress));

        log.Clear();
        var again = await new SecurityGroupResource(clients).ConvergeAsync(changed, default);
        Assert.Equal("unchanged", again.Changes.Single().Verb);
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Rule_added_by_hand_is_revoked()
    {
        var clients = AwsTestClients.Builder(moto.Url);
        var context = StageContexts.Example(region: "eu-west-1");
        var seeded = await ExampleAccount.SeedAsync(clients.Session(context.Target).Ec2, "eu-west-1", cidrPrefix: "10.42");
        await new SecurityGroupResource(clients).ConvergeAsync(context, default);
        var ec2 = clients.Session(context.Target).Ec2;
        var group = await GroupAsync(ec2, seeded.Network.VpcId, "webshopacme");
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 3306, ToPort = 3306, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });

        var result = await new SecurityGroupResource(clients).ConvergeAsync(context, default);

        Assert.Equal("updated securitygroup webshopacme: -tcp 3306 from 0.0.0.0/0", Line(result.Changes.Single()));
        Assert.DoesNotContain("tcp 3306-3306 0.0.0.0/0", Rules((await GroupAsync(ec2, seeded.Network.VpcId, "webshopacme")).IpPermissions));
    }

    [Fact]
    public async Task Dry_run_reports_each_difference_before_and_unchanged_after()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example(region: "eu-central-1");
        var seeded = await ExampleAccount.SeedAsync(clients.Session(context.Target).Ec2, "eu-central-1", cidrPrefix: "10.43");
        log.Clear();

        var before = await new SecurityGroupResource(clients).ConvergeAsync(context.Dry(), default);

        Assert.Equal("would create securitygroup webshopacme: ingress +tcp 22 from bastion, +tcp 8080 from webshopacme", Line(before.Changes.Single()));
        Assert.Empty(log.Writes);
        Assert.Empty((await clients.Session(context.Target).Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("vpc-id", [seeded.Network.VpcId]), new Filter("group-name", ["webshopacme"])],
        })).SecurityGroups ?? []);

        await new SecurityGroupResource(clients).ConvergeAsync(context, default);
        var drifted = context.WithSettings(s => s["security_group"]!["ingress"] = new JsonObject { ["$self"] = new JsonArray(8443) });
        log.Clear();
        var pending = await new SecurityGroupResource(clients).ConvergeAsync(drifted.Dry(), default);
        Assert.Equal("would update securitygroup webshopacme: +tcp 8443 from webshopacme, -tcp 8080 from webshopacme", Line(pending.Changes.Single()));
        Assert.Empty(log.Writes);

        var after = await new SecurityGroupResource(clients).ConvergeAsync(context.Dry(), default);
        Assert.Equal("unchanged securitygroup webshopacme", Line(after.Changes.Single()));
    }

    [Fact]
    public async Task Missing_referenced_group_is_a_clear_error_and_nothing_is_created()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example(region: "ap-southeast-1");
        await AccountSeed.NetworkAsync(clients.Session(context.Target).Ec2, "ap-southeast-1", cidrPrefix: "10.44");
        log.Clear();

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => new SecurityGroupResource(clients).ConvergeAsync(context, default));

        Assert.StartsWith("securitygroup webshopacme (env dev, region ap-southeast-1): security group \"bastion\" (named in foremast config: $.base.default_securitygroup_rules.bastion[0]) does not exist in VPC vpc-", error.Message);
        Assert.EndsWith("; create it or remove the rule", error.Message);
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Invalid_cidr_names_the_file_and_path_and_nothing_is_created()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example(region: "eu-west-2")
            .WithSettings(s => s["security_group"]!["ingress"] = new JsonObject { ["10.0.0.1/8"] = new JsonArray(22) });
        await ExampleAccount.SeedAsync(clients.Session(context.Target).Ec2, "eu-west-2", cidrPrefix: "10.45");
        log.Clear();

        var error = await Assert.ThrowsAsync<ConfigValidationException>(() => new SecurityGroupResource(clients).ConvergeAsync(context, default));

        Assert.Equal("application-master-dev.json: $.security_group.ingress.10.0.0.1/8[0]: \"10.0.0.1/8\" is not a valid CIDR (e.g. 10.0.0.0/8; no bits set after the prefix)", error.Message);
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Cross_env_source_is_found_in_that_envs_vpc_and_written_with_its_account()
    {
        var clients = AwsTestClients.Builder(moto.Url);
        var context = StageContexts.Example(region: "sa-east-1")
            .WithSettings(s => s["security_group"]!["ingress"] = new JsonObject
            {
                ["monitoring"] = new JsonArray(new JsonObject { ["start_port"] = 9100, ["end_port"] = 9100, ["env"] = "stage" }),
            });
        var ec2 = clients.Session(context.Target).Ec2;
        var seeded = await ExampleAccount.SeedAsync(ec2, "sa-east-1", cidrPrefix: "10.46");
        var monitoring = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "monitoring", Description = "stage monitoring", VpcId = seeded.Network.VpcId })).GroupId;

        var result = await new SecurityGroupResource(clients).ConvergeAsync(context, default);

        Assert.Equal("created securitygroup webshopacme: ingress +tcp 22 from bastion, +tcp 9100 from monitoring (stage)", Line(result.Changes.Single()));
        var pair = (await GroupAsync(ec2, seeded.Network.VpcId, "webshopacme")).IpPermissions.Single(p => p.FromPort == 9100).UserIdGroupPairs.Single();
        Assert.Equal(monitoring, pair.GroupId);
        Assert.Equal("123456789012", pair.UserId);
    }

    [Fact]
    public async Task Permission_error_is_one_line_and_not_retried()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        var clients = AwsTestClients.Builder(proxy.Url);
        var context = StageContexts.Example(region: "ca-central-1");
        await ExampleAccount.SeedAsync(clients.Session(context.Target).Ec2, "ca-central-1", cidrPrefix: "10.47");
        proxy.Fail(FaultKind.AccessDenied, 10, c => c.Operation == "CreateSecurityGroup");
        var seedingCalls = proxy.Calls.Count;

        var error = await Assert.ThrowsAsync<AwsOperationException>(() => new SecurityGroupResource(clients).ConvergeAsync(context, default));

        Assert.Equal("securitygroup webshopacme: CreateSecurityGroup failed: AccessDenied: User: arn:aws:iam::123456789012:user/deployer is not authorized to perform this action", error.Message);
        var calls = proxy.Calls.Skip(seedingCalls).ToList();
        Assert.Equal(1, calls.Count(c => c.Operation == "CreateSecurityGroup"));
        Assert.DoesNotContain(calls, c => c.Operation == "AuthorizeSecurityGroupIngress");
    }

    private static async Task<SecurityGroup> GroupAsync(IAmazonEC2 ec2, string vpc, string name) =>
        (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("vpc-id", [vpc]), new Filter("group-name", [name])],
        })).SecurityGroups.Single();

    private static List<string> Rules(List<IpPermission> permissions) => permissions.SelectMany(p =>
            (p.Ipv4Ranges ?? []).Select(r => r.CidrIp).Concat((p.UserIdGroupPairs ?? []).Select(u => u.GroupId))
                .Select(peer => p.IpProtocol == "-1" ? $"-1 {peer}" : $"{p.IpProtocol} {p.FromPort}-{p.ToPort} {peer}"))
        .Order(StringComparer.Ordinal).ToList();

    private static string Line(ResourceChange c) => c.Detail is null ? $"{c.Verb} {c.Kind} {c.Name}" : $"{c.Verb} {c.Kind} {c.Name}: {c.Detail}";
}
