namespace Foremast.Core.Config.Settings;

/// <summary>
/// One rule of <c>security_group.ingress</c>/<c>egress</c> or <c>base.default_securitygroup_rules</c>, as Foremast's
/// <c>create_ingress_rule</c> normalised it: a bare port is TCP on that port; an object gives the range, protocol and env.
/// </summary>
/// <param name="Source">A CIDR (contains <c>.</c> or <c>:</c>), <c>$self</c>, or another security group's name.</param>
/// <param name="Env">The env (account) of a source group, when it is not the current env (Foremast's cross-account rule).</param>
/// <param name="File">The file the rule was written in, and <paramref name="Path"/> its JSON path, for errors about it.</param>
public sealed record SecurityGroupRuleSetting(string Source, int StartPort, int EndPort, string Protocol, string? Env, string File, string Path)
{
    public string Origin => $"{File}: {Path}";

    public bool IsCidr => Source.Contains('.', StringComparison.Ordinal) || Source.Contains(':', StringComparison.Ordinal);
}
