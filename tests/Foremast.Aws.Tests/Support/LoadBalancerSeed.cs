using Amazon.EC2.Model;

namespace Foremast.Aws.Tests.Support;

/// <summary>What the load balancer needs before it runs: the tagged network, and the app's security group (the security group resource's work).</summary>
public static class LoadBalancerSeed
{
    public static async Task<(SeededNetwork Network, string GroupId)> AccountAsync(AwsSession session, string purpose = "internal", string cidrPrefix = "10.10", string group = ExampleStage.App)
    {
        var network = await AccountSeed.NetworkAsync(session.Ec2, session.Region, "vpc", purpose, cidrPrefix);
        var id = (await session.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = group, Description = "app", VpcId = network.VpcId })).GroupId;
        return (network, id);
    }
}
