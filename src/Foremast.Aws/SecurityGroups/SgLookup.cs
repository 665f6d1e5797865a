using Amazon.EC2;
using Amazon.EC2.Model;
using Foremast.Aws.Converge;
using Foremast.Aws.Network;

namespace Foremast.Aws.SecurityGroups;

/// <summary>Security groups by name inside one VPC: the app's own group and the groups its rules name (one call per VPC).</summary>
public static class SgLookup
{
    public static async Task<Dictionary<string, SecurityGroup>> ByNameAsync(IAmazonEC2 ec2, string resource, string vpcId, IEnumerable<string> names, CancellationToken ct)
    {
        var wanted = names.Distinct(StringComparer.Ordinal).ToList();
        var response = await AwsCalls.RunAsync(resource, "DescribeSecurityGroups", () => ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("vpc-id", [vpcId]), new Filter("group-name", wanted)],
        }, ct)).ConfigureAwait(false);
        return (response.SecurityGroups ?? []).Where(g => wanted.Contains(g.GroupName)).GroupBy(g => g.GroupName).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The env's VPC (by <c>base.vpc_name</c>), with AWS errors as the resource's one line.</summary>
    public static Task<string> VpcAsync(AwsSession session, string resource, string vpcName, CancellationToken ct) =>
        AwsCalls.RunAsync(resource, "DescribeVpcs", () => new NetworkLookup(session).VpcIdAsync(vpcName, ct));
}
