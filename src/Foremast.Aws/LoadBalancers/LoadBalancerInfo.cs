namespace Foremast.Aws.LoadBalancers;

/// <summary>What the deploy and DNS need to know about the load balancer <c>{app}</c> of an env and region.</summary>
/// <param name="Type"><c>classic</c>, <c>application</c> or <c>network</c>.</param>
/// <param name="CanonicalHostedZoneId">The Route53 zone of the load balancer's DNS name, for alias records.</param>
/// <param name="TargetGroupArn">The target group <c>{app}</c> (ELBv2 only) the deploy attaches its server groups to.</param>
public sealed record LoadBalancerInfo(string Type, string Name, string DnsName, string CanonicalHostedZoneId, bool Internal, string? TargetGroupArn)
{
    public bool IsClassic => Type == "classic";
}
