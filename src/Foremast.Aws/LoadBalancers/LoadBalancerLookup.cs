using Foremast.Aws.LoadBalancers.Classic;
using Foremast.Aws.LoadBalancers.V2;

namespace Foremast.Aws.LoadBalancers;

/// <summary>
/// Finds the load balancer <c>{app}</c> of a session's env and region by name, for the deploy (what to attach server groups to)
/// and DNS (what to point records at), which run as their own activities after the load balancer. Reads only.
/// </summary>
public static class LoadBalancerLookup
{
    /// <param name="type"><c>classic</c>, <c>application</c> or <c>network</c> (<c>elb.type</c>); null looks for a classic ELB, then an ELBv2 one.</param>
    /// <returns>The load balancer, or null when there is none of that name.</returns>
    /// <exception cref="AwsServiceException">AWS refused the read.</exception>
    public static async Task<LoadBalancerInfo?> FindAsync(AwsSession session, string name, string? type = null, CancellationToken cancellationToken = default)
    {
        if (type is null or "classic")
        {
            var classic = await new ClassicElbClient(session.Elb).DescribeLoadBalancerAsync(name, cancellationToken).ConfigureAwait(false);
            if (classic is not null)
            {
                return new LoadBalancerInfo("classic", classic.LoadBalancerName, classic.DNSName, ZoneOf(classic.CanonicalHostedZoneNameID, session.Region), classic.Scheme == "internal", null);
            }

            if (type is not null) return null;
        }

        var client = new ElbV2Client(session.ElbV2);
        var v2 = await client.DescribeLoadBalancerAsync(name, cancellationToken).ConfigureAwait(false);
        if (v2 is null) return null;
        var group = await client.DescribeTargetGroupAsync(name, cancellationToken).ConfigureAwait(false);
        return new LoadBalancerInfo(v2.Type, v2.LoadBalancerName, v2.DNSName, ZoneOf(v2.CanonicalHostedZoneId, session.Region), v2.Scheme == "internal", group?.TargetGroupArn);
    }

    private static string ZoneOf(string? reported, string region) =>
        reported ?? ElbHostedZones.For(region) ?? throw new AwsConfigurationException($"no canonical hosted zone id for load balancers in region {region}");
}
