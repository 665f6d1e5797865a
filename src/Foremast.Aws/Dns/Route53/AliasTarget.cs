namespace Foremast.Aws.Dns.Route53;

/// <summary>SDK <c>AliasTarget</c>: the load balancer's zone and DNS name.</summary>
public sealed record AliasTarget(string HostedZoneId, string DNSName, bool EvaluateTargetHealth);
