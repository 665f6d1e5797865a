using Amazon.EC2;
using Amazon.EC2.Model;
using Foremast.Aws.Http;

namespace Foremast.Aws.Tests.Support;

/// <summary>What Infrastructure Setup and a bake leave for a deploy: the app's security group, its load balancer or target group, an image.</summary>
public static class ComputeSeed
{
    public static async Task<string> ImageAsync(IAmazonEC2 ec2, string name) =>
        (await ec2.RegisterImageAsync(new RegisterImageRequest { Name = name, RootDeviceName = "/dev/xvda", Architecture = ArchitectureValues.X86_64, VirtualizationType = "hvm" })).ImageId;

    public static async Task<string> SecurityGroupAsync(IAmazonEC2 ec2, string vpcId, string name) =>
        (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = vpcId })).GroupId;

    public static Task ClassicLoadBalancerAsync(AwsSession session, string name, IReadOnlyList<string> subnets) =>
        session.Elb.CallAsync("CreateLoadBalancer", new QueryParameters()
            .Set("LoadBalancerName", name)
            .List("Subnets.member", subnets)
            .Set("Scheme", "internal")
            .Set("Listeners.member.1.Protocol", "HTTP").Set("Listeners.member.1.LoadBalancerPort", 80)
            .Set("Listeners.member.1.InstanceProtocol", "HTTP").Set("Listeners.member.1.InstancePort", 8080));

    public static async Task<string> TargetGroupAsync(AwsSession session, string name, string vpcId)
    {
        var result = await session.ElbV2.CallAsync("CreateTargetGroup", new QueryParameters()
            .Set("Name", name).Set("Protocol", "HTTP").Set("Port", 8080).Set("VpcId", vpcId).Set("TargetType", "instance"));
        return result.Members("TargetGroups").Single().Value("TargetGroupArn")!;
    }
}
