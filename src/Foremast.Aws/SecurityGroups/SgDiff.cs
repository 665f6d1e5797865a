namespace Foremast.Aws.SecurityGroups;

/// <summary>What separates the live group from the config: rules to authorize and revoke each way, tags to set.</summary>
public sealed record SgDiff(List<SgRule> AddIn, List<SgRule> RemoveIn, List<SgRule> AddOut, List<SgRule> RemoveOut, Dictionary<string, string> Tags)
{
    public bool IsEmpty => AddIn.Count + RemoveIn.Count + AddOut.Count + RemoveOut.Count + Tags.Count == 0;

    /// <summary>
    /// <c>+tcp 8080 from webshopacme, -tcp 22 from 10.0.0.0/8; egress -all to 0.0.0.0/0; tags app_name</c>, sorted so the same
    /// difference always reads the same.
    /// </summary>
    public string Describe(bool creating)
    {
        var parts = new List<string>();
        var ingress = Lines(AddIn, RemoveIn, egress: false);
        if (ingress.Length > 0) parts.Add(creating ? "ingress " + ingress : ingress);
        var egress = Lines(AddOut, RemoveOut, egress: true);
        if (egress.Length > 0) parts.Add("egress " + egress);
        if (Tags.Count > 0) parts.Add("tags " + string.Join(", ", Tags.Keys.Order(StringComparer.Ordinal)));
        return string.Join("; ", parts);
    }

    private static string Lines(List<SgRule> add, List<SgRule> remove, bool egress) => string.Join(", ",
        add.Select(r => "+" + r.Describe(egress)).Order(StringComparer.Ordinal)
            .Concat(remove.Select(r => "-" + r.Describe(egress)).Order(StringComparer.Ordinal)));
}
