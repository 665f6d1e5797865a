using Amazon.EC2;
using Amazon.EC2.Model;

namespace Foremast.Aws.Tests.Support;

/// <summary>What <see cref="ExampleAccount"/> seeded in one region.</summary>
public sealed record ExampleNetwork(SeededNetwork Network, IReadOnlyList<string> ExternalElbSubnets, IReadOnlyList<string> ExternalEc2Subnets, IReadOnlyDictionary<string, string> Groups);

/// <summary>
/// What an account must already have for <c>examples/</c> (README's main job) in one region, as an account that ran Spinnaker
/// has it: the VPC named <c>vpc</c> with internal subnets for ec2 and elb, external subnets (prod's load balancer), and the
/// security groups the example's rules name (<c>bastion</c> in the default rules, <c>office</c> in
/// <c>default_ec2_securitygroups</c>). Idempotent: a second call in the same region finds everything and creates nothing.
/// </summary>
public static class ExampleAccount
{
    public static readonly IReadOnlyList<string> ReferencedGroups = ["bastion", "office"];

    public static async Task<ExampleNetwork> SeedAsync(IAmazonEC2 ec2, string region = "us-east-1", string vpcName = "vpc", string cidrPrefix = "10.40")
    {
        var existing = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("tag:Name", [vpcName])] })).Vpcs?.FirstOrDefault();
        var network = existing is null
            ? await AccountSeed.NetworkAsync(ec2, region, vpcName, "internal", cidrPrefix)
            : await ReadNetworkAsync(ec2, existing.VpcId);
        var external = await ExternalSubnetsAsync(ec2, network.VpcId, region, cidrPrefix);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ReferencedGroups) groups[name] = await GroupAsync(ec2, network.VpcId, name);
        return new ExampleNetwork(network, external.Elb, external.Ec2, groups);
    }

    private static async Task<SeededNetwork> ReadNetworkAsync(IAmazonEC2 ec2, string vpc)
    {
        var subnets = await TaggedSubnetsAsync(ec2, vpc);
        return new SeededNetwork(vpc, Ids(subnets, "internal", "ec2"), Ids(subnets, "internal", "elb"));
    }

    private static async Task<(List<string> Elb, List<string> Ec2)> ExternalSubnetsAsync(IAmazonEC2 ec2, string vpc, string region, string cidrPrefix)
    {
        var subnets = await TaggedSubnetsAsync(ec2, vpc);
        var elb = Ids(subnets, "external", "elb");
        var instances = Ids(subnets, "external", "ec2");
        if (elb.Count > 0) return (elb, instances);
        var zones = new[] { "a", "b" };
        for (var i = 0; i < zones.Length; i++)
        {
            elb.Add(await SubnetAsync(ec2, vpc, $"{cidrPrefix}.{i + 20}.0/24", region + zones[i], "external", "elb"));
            instances.Add(await SubnetAsync(ec2, vpc, $"{cidrPrefix}.{i + 30}.0/24", region + zones[i], "external", "ec2"));
        }

        return (elb, instances);
    }

    private static async Task<List<Subnet>> TaggedSubnetsAsync(IAmazonEC2 ec2, string vpc) =>
        (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpc]), new Filter("tag-key", ["immutable_metadata"])] })).Subnets ?? [];

    private static List<string> Ids(List<Subnet> subnets, string purpose, string target) => subnets
        .Where(s => s.Tags?.Any(t => t.Key == "immutable_metadata" && t.Value.Contains($"\"purpose\": \"{purpose}\"", StringComparison.Ordinal) && t.Value.Contains($"\"target\": \"{target}\"", StringComparison.Ordinal)) == true)
        .Select(s => s.SubnetId).ToList();

    private static async Task<string> SubnetAsync(IAmazonEC2 ec2, string vpc, string cidr, string zone, string purpose, string target)
    {
        var id = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = zone })).Subnet.SubnetId;
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [id], Tags = [new Tag("immutable_metadata", $"{{\"purpose\": \"{purpose}\", \"target\": \"{target}\"}}")] });
        return id;
    }

    private static async Task<string> GroupAsync(IAmazonEC2 ec2, string vpc, string name)
    {
        var found = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpc]), new Filter("group-name", [name])] })).SecurityGroups;
        if (found is { Count: > 0 }) return found[0].GroupId;
        return (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = $"{name} (seeded for the example)", VpcId = vpc })).GroupId;
    }
}
