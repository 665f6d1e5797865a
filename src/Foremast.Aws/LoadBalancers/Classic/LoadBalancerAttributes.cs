namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>The attributes Foremast set on every classic ELB (SDK <c>LoadBalancerAttributes</c>).</summary>
/// <param name="IdleTimeout">Seconds (<c>ConnectionSettings.IdleTimeout</c>).</param>
public sealed record LoadBalancerAttributes(bool CrossZoneLoadBalancing, ClassicAccessLog AccessLog, ClassicConnectionDraining ConnectionDraining, int IdleTimeout);
