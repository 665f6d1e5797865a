using System.Xml.Linq;
using Amazon.EC2.Model;
using Foremast.Aws;
using Foremast.Aws.Dns.Route53;
using Foremast.Aws.Http;

namespace Foremast.EndToEnd.Tests.Support;

/// <summary>What one env's moto account holds, read the way an operator would look: by name, through the AWS APIs.</summary>
public sealed class MotoState(AwsSession session)
{
    public async Task<bool> RoleExistsAsync(string role)
    {
        try
        {
            await session.Iam.CallAsync("GetRole", new QueryParameters().Set("RoleName", role));
            return true;
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<string>> ProfileRolesAsync(string profile) =>
        (await session.Iam.CallAsync("GetInstanceProfile", new QueryParameters().Set("InstanceProfileName", profile)))
        .Child("InstanceProfile")!.Members("Roles").Select(r => r.Value("RoleName")!).ToList();

    public async Task<SecurityGroup?> SecurityGroupAsync(string name) =>
        (await session.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("group-name", [name])] })).SecurityGroups?.SingleOrDefault();

    /// <summary>The classic load balancer's listeners as <c>PROTOCOL:port-&gt;PROTOCOL:port</c>; null when it does not exist.</summary>
    public async Task<IReadOnlyList<string>?> ListenersAsync(string name)
    {
        try
        {
            var lb = (await session.Elb.CallAsync("DescribeLoadBalancers", new QueryParameters().List("LoadBalancerNames.member", [name])))
                .Members("LoadBalancerDescriptions").Single();
            return lb.Members("ListenerDescriptions").Select(d => d.Child("Listener")!)
                .Select(l => $"{l.Value("Protocol")}:{l.Value("LoadBalancerPort")}->{l.Value("InstanceProtocol")}:{l.Value("InstancePort")}").ToList();
        }
        catch (AwsServiceException e) when (e.Code == "LoadBalancerNotFound")
        {
            return null;
        }
    }

    /// <summary>Names of the records in every hosted zone named <paramref name="zoneName"/>, with the zone's kind.</summary>
    public async Task<IReadOnlyList<string>> RecordsAsync(string zoneName)
    {
        var records = new List<string>();
        foreach (var zone in await new Route53Client(session.Route53).ListHostedZonesByNameAsync(zoneName, default))
        {
            if (!zone.Name.Equals(zoneName, StringComparison.OrdinalIgnoreCase)) continue;
            var answer = await session.Route53.SendAsync("ListResourceRecordSets", HttpMethod.Get, $"hostedzone/{zone.ShortId}/rrset", null);
            records.AddRange(answer.Members("ResourceRecordSets").Where(r => r.Value("Type") is not ("SOA" or "NS"))
                .Select(r => $"{(zone.PrivateZone ? "private" : "public")} {r.Value("Name")!.TrimEnd('.')} {r.Value("Type")}"));
        }

        return records;
    }

    public async Task<IReadOnlyList<Image>> ImagesAsync(string app, string version) =>
        (await session.Ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["self"],
            Filters = [new Filter("tag:app_name", [app]), new Filter("tag:appversion", [version])],
        })).Images ?? [];

    /// <summary>Every server group of the app: name → (desired capacity, instances healthy and in service, launch template image).</summary>
    public async Task<IReadOnlyDictionary<string, (int Desired, int Healthy)>> ServerGroupsAsync(string app)
    {
        var groups = (await session.AutoScaling.CallAsync("DescribeAutoScalingGroups", new QueryParameters())).Members("AutoScalingGroups");
        return groups.Where(g => g.Value("AutoScalingGroupName")!.StartsWith(app + "-v", StringComparison.Ordinal)).ToDictionary(
            g => g.Value("AutoScalingGroupName")!,
            g => (int.Parse(g.Value("DesiredCapacity")!, System.Globalization.CultureInfo.InvariantCulture),
                g.Members("Instances").Count(i => i.Value("HealthStatus") == "Healthy" && i.Value("LifecycleState") == "InService")));
    }

    public async Task<IReadOnlyList<string>> PolicyNamesAsync(string group) =>
        (await session.AutoScaling.CallAsync("DescribePolicies", new QueryParameters().Set("AutoScalingGroupName", group)))
        .Members("ScalingPolicies").Select(p => p.Value("PolicyName")!).Order().ToList();

    /// <summary>Names of the app's launch templates (one per server group).</summary>
    public async Task<IReadOnlyList<string>> LaunchTemplatesAsync(string app) =>
        ((await session.Ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest())).LaunchTemplates ?? [])
        .Select(t => t.LaunchTemplateName).Where(n => n.StartsWith(app + "-v", StringComparison.Ordinal)).Order().ToList();

    /// <summary>The load balancers a server group is attached to.</summary>
    public async Task<IReadOnlyList<string>> GroupLoadBalancersAsync(string group) =>
        (await session.AutoScaling.CallAsync("DescribeAutoScalingGroups", new QueryParameters().List("AutoScalingGroupNames.member", [group])))
        .Members("AutoScalingGroups").Single().Members("LoadBalancerNames").Select(n => n.Value).ToList();

    /// <summary>The processes suspended on a server group (a disabled red/black group has <c>AddToLoadBalancer</c> here).</summary>
    public async Task<IReadOnlyList<string>> SuspendedProcessesAsync(string group) =>
        (await session.AutoScaling.CallAsync("DescribeAutoScalingGroups", new QueryParameters().List("AutoScalingGroupNames.member", [group])))
        .Members("AutoScalingGroups").Single().Members("SuspendedProcesses").Select(p => p.Value("ProcessName")!).ToList();

    /// <summary>The accounts an image of this account may be launched from (its launch permissions).</summary>
    public async Task<IReadOnlyList<string>> LaunchPermissionsAsync(string imageId) =>
        ((await session.Ec2.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = imageId, Attribute = "launchPermission" })).ImageAttribute.LaunchPermissions ?? [])
        .Select(p => p.UserId).ToList();
}
