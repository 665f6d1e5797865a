using System.Text.Json;
using Amazon.EC2.Model;

namespace Foremast.Aws.Network;

/// <summary>
/// Finds the VPC and subnets to deploy into the way Spinnaker's clouddriver did for Foremast: the VPC by its <c>Name</c> tag
/// (<c>base.vpc_name</c>), subnets by the <c>immutable_metadata</c> tag <c>{"purpose": …, "target": "ec2"|"elb"}</c>.
/// Tagged subnets count only inside that VPC: an account with several VPCs tags subnets in each, and mixing them would put an
/// instance or load balancer in a VPC its security groups are not in. A subnet list in the global config's <c>aws.subnets</c>
/// overrides the tag lookup. Read-only: dry runs use it too.
/// </summary>
public sealed class NetworkLookup(AwsSession session)
{
    /// <exception cref="AwsConfigurationException">No VPC carries that name.</exception>
    public async Task<string> VpcIdAsync(string vpcName, CancellationToken cancellationToken = default)
    {
        var response = await session.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest
        {
            Filters = [new Filter("tag:Name", [vpcName])],
        }, cancellationToken).ConfigureAwait(false);
        return response.Vpcs?.FirstOrDefault()?.VpcId
            ?? throw new AwsConfigurationException($"no VPC tagged Name={vpcName} in env {session.Env}, region {session.Region} (base.vpc_name)");
    }

    /// <param name="purpose">The config's subnet purpose (<c>internal</c>, <c>external</c>).</param>
    /// <param name="target"><c>ec2</c> for instances, <c>elb</c> for load balancers.</param>
    /// <param name="vpcName">The global config's <c>base.vpc_name</c>: only subnets of that VPC are considered.</param>
    /// <exception cref="AwsConfigurationException">No VPC carries that name, or no subnet in it matches.</exception>
    public async Task<IReadOnlyList<Subnet>> SubnetsAsync(string purpose, string target, string vpcName, CancellationToken cancellationToken = default)
    {
        if (session.Settings.SubnetsFor(session.Env, session.Region, target) is { Count: > 0 } ids)
        {
            var listed = await session.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = ids.ToList() }, cancellationToken).ConfigureAwait(false);
            return Order(listed.Subnets ?? []);
        }

        var vpc = await VpcIdAsync(vpcName, cancellationToken).ConfigureAwait(false);
        var tagged = await session.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest
        {
            Filters = [new Filter("vpc-id", [vpc]), new Filter("tag-key", ["immutable_metadata"])],
        }, cancellationToken).ConfigureAwait(false);
        var matching = (tagged.Subnets ?? []).Where(s => Matches(s, purpose, target)).ToList();
        if (matching.Count == 0)
        {
            throw new AwsConfigurationException(
                $"no subnet for env {session.Env}, region {session.Region}, purpose {purpose}, target {target} in VPC {vpcName}: tag subnets with immutable_metadata " +
                $"{{\"purpose\": \"{purpose}\", \"target\": \"{target}\"}} or list them in the config's aws.subnets.{session.Env}.{session.Region}.{target}");
        }

        return Order(matching);
    }

    private static bool Matches(Amazon.EC2.Model.Subnet subnet, string purpose, string target)
    {
        var tag = subnet.Tags?.FirstOrDefault(t => t.Key == "immutable_metadata")?.Value;
        if (string.IsNullOrEmpty(tag)) return false;
        try
        {
            using var doc = JsonDocument.Parse(tag);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("purpose", out var p) && p.ValueKind == JsonValueKind.String && p.GetString() == purpose
                && doc.RootElement.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == target;
        }
        catch (JsonException)
        {
            // A tag that is not JSON is not Spinnaker's: the subnet is not one of ours.
            return false;
        }
    }

    private static List<Subnet> Order(IEnumerable<Amazon.EC2.Model.Subnet> subnets) =>
        subnets.Select(s => new Subnet(s.SubnetId, s.AvailabilityZone, s.VpcId)).OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).ThenBy(s => s.SubnetId, StringComparer.Ordinal).ToList();
}
