namespace Foremast.Aws.Dns.Route53;

/// <summary>
/// A record set as Foremast writes them (SDK <c>ResourceRecordSet</c>): a CNAME with TTL and values, or a failover alias.
/// <paramref name="Name"/> without the trailing dot.
/// </summary>
public sealed record ResourceRecordSet(
    string Name,
    string Type,
    long? TTL,
    IReadOnlyList<string> Values,
    AliasTarget? AliasTarget = null,
    string? SetIdentifier = null,
    string? Failover = null)
{
    public override string ToString() => AliasTarget is { } alias
        ? $"{Type} alias {alias.DNSName}" + (Failover is null ? "" : $" {Failover}")
        : $"{Type} {string.Join(", ", Values)} TTL {TTL}";
}
