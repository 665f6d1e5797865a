using Amazon.EC2.Model;

namespace Foremast.Aws.Deploy;

/// <summary>The instances' security groups as Foremast listed them (<c>default_ec2_securitygroups[env]</c> + the app's group + <c>instance_extras</c>), by id.</summary>
internal static class InstanceSecurityGroups
{
    public static IReadOnlyList<string> Names(AwsStageContext ctx, IReadOnlyList<string> extras)
    {
        var defaults = ctx.Global.DefaultEc2SecurityGroups.GetValueOrDefault(ctx.Env) ?? [];
        var names = defaults.Concat([ctx.App]).Concat(extras).Distinct(StringComparer.Ordinal).ToList();

        // securitygroup_replacements {keep: drop}: an aliased name is listed once.
        foreach (var (keep, drop) in ctx.Global.SecurityGroupReplacements)
        {
            if (names.Contains(keep)) names.Remove(drop);
        }

        return names;
    }

    /// <exception cref="AwsConfigurationException">A named group does not exist in the VPC.</exception>
    public static async Task<IReadOnlyList<string>> IdsAsync(AwsSession session, string vpcId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var found = await AwsCalls.RunAsync($"security groups {string.Join(",", names)}", "DescribeSecurityGroups", () => session.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("vpc-id", [vpcId]), new Filter("group-name", names.ToList())],
        }, cancellationToken)).ConfigureAwait(false);
        var byName = (found.SecurityGroups ?? []).GroupBy(g => g.GroupName).ToDictionary(g => g.Key, g => g.First().GroupId, StringComparer.Ordinal);
        var missing = names.Where(n => !byName.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new AwsConfigurationException(
                $"security group {string.Join(", ", missing)} not found in vpc {vpcId} (env {session.Env}, region {session.Region}): Infrastructure Setup creates the app's group; " +
                "default_ec2_securitygroups and security_group.instance_extras must name existing groups");
        }

        return names.Select(n => byName[n]).ToList();
    }
}
