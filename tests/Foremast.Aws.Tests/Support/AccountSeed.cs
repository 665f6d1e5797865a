using Amazon.EC2;
using Amazon.EC2.Model;

namespace Foremast.Aws.Tests.Support;

/// <summary>What an account that ran Spinnaker already has: the VPC named <c>vpc</c> and subnets tagged with <c>immutable_metadata</c>.</summary>
public sealed record SeededNetwork(string VpcId, IReadOnlyList<string> Ec2Subnets, IReadOnlyList<string> ElbSubnets);

public static class AccountSeed
{
    /// <summary>Creates a VPC tagged <c>Name=vpcName</c> with one ec2 and one elb subnet per zone, tagged for <paramref name="purpose"/>.</summary>
    public static async Task<SeededNetwork> NetworkAsync(IAmazonEC2 ec2, string region = "us-east-1", string vpcName = "vpc", string purpose = "internal", string cidrPrefix = "10.10")
    {
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = $"{cidrPrefix}.0.0/16" })).Vpc.VpcId;
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc], Tags = [new Tag("Name", vpcName)] });
        var ec2Subnets = new List<string>();
        var elbSubnets = new List<string>();
        var zones = new[] { "a", "b" };
        for (var i = 0; i < zones.Length; i++)
        {
            ec2Subnets.Add(await SubnetAsync(ec2, vpc, $"{cidrPrefix}.{i}.0/24", region + zones[i], purpose, "ec2"));
            elbSubnets.Add(await SubnetAsync(ec2, vpc, $"{cidrPrefix}.{i + 10}.0/24", region + zones[i], purpose, "elb"));
        }

        return new SeededNetwork(vpc, ec2Subnets, elbSubnets);
    }

    private static async Task<string> SubnetAsync(IAmazonEC2 ec2, string vpc, string cidr, string zone, string purpose, string target)
    {
        var id = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = zone })).Subnet.SubnetId;
        await ec2.CreateTagsAsync(new CreateTagsRequest
        {
            Resources = [id],
            Tags = [new Tag("immutable_metadata", $"{{\"purpose\": \"{purpose}\", \"target\": \"{target}\"}}")],
        });
        return id;
    }
}
