namespace Foremast.Aws.LoadBalancers.V2;

/// <summary>An application or network load balancer as <c>DescribeLoadBalancers</c> reports it (SDK <c>LoadBalancer</c>).</summary>
/// <param name="Type"><c>application</c> or <c>network</c>.</param>
public sealed record V2LoadBalancer(
    string LoadBalancerArn,
    string LoadBalancerName,
    string DNSName,
    string? CanonicalHostedZoneId,
    string Scheme,
    string Type,
    string? VpcId,
    IReadOnlyList<string> Subnets,
    IReadOnlyList<string> SecurityGroups);
