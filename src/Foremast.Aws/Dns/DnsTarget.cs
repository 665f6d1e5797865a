namespace Foremast.Aws.Dns;

/// <summary>What the records point at: the load balancer's DNS name and hosted zone (for aliases).</summary>
/// <param name="Pending">The load balancer does not exist yet (dry run of a fresh account): the values are placeholders.</param>
public sealed record DnsTarget(string DnsName, string HostedZoneId, string Type, bool Pending = false)
{
    /// <summary>Alias target name: Foremast's <c>dualstack.</c> prefix, which classic and application load balancers answer.</summary>
    public string AliasDnsName => Type == "network" ? DnsName : $"dualstack.{DnsName}";
}
