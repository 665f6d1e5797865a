using Foremast.Core.Config.Settings;

namespace Foremast.Aws.LoadBalancers.Desired;

/// <summary>The load balancer <c>{app}</c> of one env and region as the config asks for it, with names resolved against the account.</summary>
/// <param name="Type"><c>classic</c>, <c>application</c> or <c>network</c>.</param>
/// <param name="IdleTimeout">Seconds (AWS's 60 when the config says nothing).</param>
/// <param name="DrainingTimeout">Seconds; null: connection draining off.</param>
public sealed record DesiredLoadBalancer(
    string Name,
    string Type,
    bool Internal,
    string VpcId,
    IReadOnlyList<string> Subnets,
    IReadOnlyList<DesiredSecurityGroup> SecurityGroups,
    IReadOnlyList<DesiredListener> Listeners,
    DesiredHealthCheck HealthCheck,
    int IdleTimeout,
    int? DrainingTimeout,
    ElbAccessLogSettings AccessLog,
    IReadOnlyDictionary<string, string> Tags)
{
    public string Scheme => Internal ? "internal" : "internet-facing";
}
