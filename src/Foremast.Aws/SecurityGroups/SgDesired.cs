using Foremast.Core.Config.Settings;
using Foremast.Core.Validation;

namespace Foremast.Aws.SecurityGroups;

/// <summary>
/// The config's rules made concrete: Foremast's <c>update_default_rules</c> (the global default rules plus the app's, lists of
/// a source appended), <c>$self</c> as the app's group, <c>securitygroup_replacements</c> applied to sources, CIDRs checked
/// and canonical, group names replaced by ids found in the live account.
/// </summary>
public static class SgDesired
{
    public const string Self = "$self";

    /// <summary>Sources after <c>$self</c> and the replacements (<c>{keep: alias}</c>: an alias named next to its group is that group).</summary>
    public static List<SecurityGroupRuleSetting> Prepare(IEnumerable<SecurityGroupRuleSetting> rules, string groupName, IReadOnlyDictionary<string, string> replacements)
    {
        var list = rules.Select(r => r.Source == Self ? r with { Source = groupName } : r).ToList();
        var sources = list.Select(r => r.Source).ToHashSet(StringComparer.Ordinal);
        foreach (var (keep, alias) in replacements)
        {
            if (!sources.Contains(keep) || !sources.Contains(alias)) continue;
            list = list.Select(r => r.Source == alias ? r with { Source = keep } : r).ToList();
        }

        return list;
    }

    /// <summary>A rule whose source group lives in another env's account (Foremast's cross-account rule).</summary>
    public static bool IsCrossEnv(SecurityGroupRuleSetting rule, string env) => !rule.IsCidr && rule.Env is { Length: > 0 } other && other != env;

    /// <param name="peers">(env, group name) → group, for every group source; the current env's under its own name.</param>
    /// <exception cref="ConfigValidationException">A source that looks like a CIDR and is not one.</exception>
    public static List<SgRule> Resolve(IEnumerable<SecurityGroupRuleSetting> rules, string env, IReadOnlyDictionary<(string Env, string Name), SgPeer> peers)
    {
        var errors = new List<Diagnostic>();
        var resolved = new List<SgRule>();
        foreach (var rule in rules)
        {
            var protocol = SgProtocols.Protocol(rule.Protocol);
            var (from, to) = SgProtocols.Ports(protocol, rule.StartPort, rule.EndPort);
            if (rule.IsCidr)
            {
                if (SgProtocols.Cidr(rule.Source) is { } cidr) resolved.Add(new SgRule(new SgRuleKey(protocol, from, to, cidr), cidr));
                else errors.Add(Diagnostic.Error(rule.File, rule.Path, $"\"{rule.Source}\" is not a valid CIDR (e.g. 10.0.0.0/8; no bits set after the prefix)"));
                continue;
            }

            var peerEnv = IsCrossEnv(rule, env) ? rule.Env! : env;
            var peer = peers[(peerEnv, rule.Source)];
            var shown = peerEnv == env ? rule.Source : $"{rule.Source} ({peerEnv})";
            resolved.Add(peerEnv == env
                ? new SgRule(new SgRuleKey(protocol, from, to, peer.GroupId), shown)
                : new SgRule(new SgRuleKey(protocol, from, to, peer.GroupId), shown, peer.OwnerId, peer.VpcId));
        }

        if (errors.Count > 0) throw new ConfigValidationException(errors);
        return resolved.DistinctBy(r => r.Key).ToList();
    }
}
