using Amazon.EC2.Model;

namespace Foremast.Aws.SecurityGroups;

/// <summary>Between EC2's grouped <see cref="IpPermission"/>s and one <see cref="SgRule"/> per peer.</summary>
public static class SgPermissions
{
    /// <param name="names">Group id → name, for showing rules whose peer group is known.</param>
    public static List<SgRule> Flatten(IEnumerable<IpPermission>? permissions, IReadOnlyDictionary<string, string> names)
    {
        var rules = new List<SgRule>();
        foreach (var p in permissions ?? [])
        {
            var protocol = SgProtocols.Protocol(p.IpProtocol);
            var (from, to) = SgProtocols.Ports(protocol, p.FromPort, p.ToPort);
            foreach (var range in p.Ipv4Ranges ?? []) rules.Add(Rule(range.CidrIp));
            foreach (var range in p.Ipv6Ranges ?? []) rules.Add(Rule(range.CidrIpv6));
            foreach (var list in p.PrefixListIds ?? []) rules.Add(Rule(list.Id));
            foreach (var pair in p.UserIdGroupPairs ?? [])
            {
                var name = names.GetValueOrDefault(pair.GroupId) ?? pair.GroupName ?? pair.GroupId;
                rules.Add(new SgRule(new SgRuleKey(protocol, from, to, pair.GroupId), name, pair.UserId, pair.VpcId));
            }

            SgRule Rule(string peer) => new(new SgRuleKey(protocol, from, to, SgProtocols.Cidr(peer) ?? peer), peer);
        }

        return rules;
    }

    /// <summary>The rules grouped back into permissions, one per protocol and port range.</summary>
    public static List<IpPermission> Group(IEnumerable<SgRule> rules) =>
        rules.GroupBy(r => (r.Key.Protocol, r.Key.FromPort, r.Key.ToPort)).Select(g =>
        {
            var permission = new IpPermission { IpProtocol = g.Key.Protocol };
            if (g.Key.Protocol != "-1")
            {
                permission.FromPort = g.Key.FromPort;
                permission.ToPort = g.Key.ToPort;
            }

            var v4 = g.Where(r => !r.Key.IsGroup && !r.Key.IsPrefixList && !r.Key.IsIpv6).Select(r => new IpRange { CidrIp = r.Key.Peer }).ToList();
            var v6 = g.Where(r => r.Key.IsIpv6).Select(r => new Ipv6Range { CidrIpv6 = r.Key.Peer }).ToList();
            var lists = g.Where(r => r.Key.IsPrefixList).Select(r => new PrefixListId { Id = r.Key.Peer }).ToList();
            var pairs = g.Where(r => r.Key.IsGroup).Select(r => new UserIdGroupPair { GroupId = r.Key.Peer, UserId = r.PeerAccount, VpcId = r.PeerVpc }).ToList();
            if (v4.Count > 0) permission.Ipv4Ranges = v4;
            if (v6.Count > 0) permission.Ipv6Ranges = v6;
            if (lists.Count > 0) permission.PrefixListIds = lists;
            if (pairs.Count > 0) permission.UserIdGroupPairs = pairs;
            return permission;
        }).ToList();
}
