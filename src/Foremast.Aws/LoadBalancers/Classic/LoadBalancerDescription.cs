namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>A classic load balancer as <c>DescribeLoadBalancers</c> reports it (SDK <c>LoadBalancerDescription</c>).</summary>
/// <param name="CanonicalHostedZoneNameID">Null when the answer leaves it out (moto does).</param>
public sealed record LoadBalancerDescription(
    string LoadBalancerName,
    string DNSName,
    string? CanonicalHostedZoneNameID,
    string Scheme,
    string? VPCId,
    IReadOnlyList<string> Subnets,
    IReadOnlyList<string> SecurityGroups,
    IReadOnlyList<ClassicListenerDescription> ListenerDescriptions,
    IReadOnlyList<BackendServerDescription> BackendServerDescriptions,
    ClassicPolicies Policies,
    ClassicHealthCheck? HealthCheck);
