namespace Foremast.Aws.LoadBalancers.Desired;

/// <summary>A security group the load balancer should carry, by name; <paramref name="GroupId"/> is null while it does not exist yet (dry run).</summary>
public sealed record DesiredSecurityGroup(string Name, string? GroupId);
