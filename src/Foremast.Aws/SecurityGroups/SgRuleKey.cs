namespace Foremast.Aws.SecurityGroups;

/// <summary>
/// One normalised permission: protocol, port range and a single peer (a CIDR, a group id or a prefix list). Two rules are the
/// same rule when these four agree, whatever order or grouping AWS or the config used.
/// </summary>
/// <param name="Peer">A CIDR (<c>10.0.0.0/8</c>, <c>::/0</c>), a group id (<c>sg-…</c>) or a prefix list id (<c>pl-…</c>).</param>
public sealed record SgRuleKey(string Protocol, int FromPort, int ToPort, string Peer)
{
    public bool IsGroup => Peer.StartsWith("sg-", StringComparison.Ordinal);

    public bool IsPrefixList => Peer.StartsWith("pl-", StringComparison.Ordinal);

    public bool IsIpv6 => !IsGroup && !IsPrefixList && Peer.Contains(':', StringComparison.Ordinal);

    public string Ports => Protocol == "-1" ? "all" : FromPort == ToPort ? $"{Protocol} {FromPort}" : $"{Protocol} {FromPort}-{ToPort}";
}
