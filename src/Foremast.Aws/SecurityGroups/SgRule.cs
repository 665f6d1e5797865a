namespace Foremast.Aws.SecurityGroups;

/// <summary>A rule with what is needed to show it (the peer's name) and to write it (the peer group's account and VPC).</summary>
public sealed record SgRule(SgRuleKey Key, string PeerName, string? PeerAccount = null, string? PeerVpc = null)
{
    public string Describe(bool egress) => $"{Key.Ports} {(egress ? "to" : "from")} {PeerName}";
}
