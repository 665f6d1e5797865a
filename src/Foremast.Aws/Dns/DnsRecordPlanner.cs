using System.Text.Json;
using Foremast.Aws.Dns.Route53;
using Foremast.Core.Config.Settings;

namespace Foremast.Aws.Dns;

/// <summary>
/// Foremast's <c>create_dns</c> (reference §9.5): with several regions and <c>dns.failover_dns</c>, a region CNAME plus a failover
/// alias on the generic name (PRIMARY in <c>primary_region</c>); otherwise the region CNAME (<c>dns.region_specific</c>) and, in the
/// primary region, the generic CNAME. CNAMEs carry <c>dns.ttl</c>.
/// </summary>
public static class DnsRecordPlanner
{
    public static IReadOnlyList<DesiredRecord> Records(AwsStageContext ctx, DnsSettings dns, DnsTarget target)
    {
        var regional = ctx.Names.Name("dns_elb_region", ctx.Env, ctx.Region);
        var primary = PrimaryRegion(ctx.Pipeline);
        var records = new List<DesiredRecord>();
        if (Regions(ctx.Settings).Count > 1 && dns.FailoverDns)
        {
            var global = ctx.Names.Name("dns_global", ctx.Env, ctx.Region);
            // Foremast chose PRIMARY when primary_region appeared in the load balancer's DNS name; the region itself says it
            // without depending on how a DNS name is spelled.
            var role = ctx.Region == primary ? "PRIMARY" : "SECONDARY";
            var regions = Regions(ctx.Settings);
            // Foremast refused every SECONDARY whose PRIMARY was not there yet (PrimaryDNSRecordNotFound), so the primary region had to
            // run first; regions run in parallel here, so only a config that can never make the PRIMARY is refused.
            var orphan = role == "SECONDARY" && !regions.Contains(primary, StringComparer.Ordinal)
                ? $"pipeline.json primary_region is \"{primary}\", which is not one of the regions of application-master-{ctx.Env}.json ({string.Join(", ", regions)}), " +
                  "so no region writes the PRIMARY failover record; add it to regions, set primary_region to one of them, or set dns.failover_dns to false"
                : null;
            records.Add(new DesiredRecord(Cname(regional, dns, target)));
            records.Add(new DesiredRecord(
                new ResourceRecordSet(global, "A", null, [], new AliasTarget(target.HostedZoneId, target.AliasDnsName, true), $"{global}-{role}", role),
                ReplacesCname: true, OrphanSecondary: orphan));
            return records;
        }

        if (dns.RegionSpecific) records.Add(new DesiredRecord(Cname(regional, dns, target)));
        if (ctx.Region == primary) records.Add(new DesiredRecord(Cname(ctx.Names.Name("dns_elb", ctx.Env, ctx.Region), dns, target)));
        return records;
    }

    private static ResourceRecordSet Cname(string name, DnsSettings dns, DnsTarget target) => new(name, "CNAME", dns.Ttl, [target.DnsName]);

    /// <summary><c>primary_region</c> of pipeline.json (Foremast's default us-east-1).</summary>
    private static string PrimaryRegion(JsonElement pipeline) =>
        pipeline.ValueKind == JsonValueKind.Object && pipeline.TryGetProperty("primary_region", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "us-east-1";

    /// <summary>The env's regions (<c>regions</c> as an object or a list), which the merged region document carries.</summary>
    private static IReadOnlyList<string> Regions(JsonElement settings)
    {
        if (settings.ValueKind != JsonValueKind.Object || !settings.TryGetProperty("regions", out var regions)) return [];
        return regions.ValueKind switch
        {
            JsonValueKind.Object => regions.EnumerateObject().Select(r => r.Name).ToList(),
            JsonValueKind.Array => regions.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList(),
            _ => [],
        };
    }
}
