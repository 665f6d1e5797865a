using System.Text.Json;
using Foremast.Aws.Converge;
using Foremast.Aws.Dns.Route53;
using Foremast.Aws.LoadBalancers;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Dns;

/// <summary>
/// Infrastructure Setup's DNS records for the load balancer <c>{app}</c> (reference §9.5), as desired state. The load balancer is
/// found by name (DNS runs as its own activity after it). Zones come from <c>ListHostedZonesByName({env}.{base.domain})</c>:
/// private ones for an internal load balancer, private and public ones for an external one, as Foremast did; a record goes into
/// the zones its name ends with. Only records that differ are UPSERTed, one change batch per zone; nothing is written when
/// everything matches. One change line per record name.
/// </summary>
public sealed class DnsResource(AwsClientBuilder clients)
{
    public string Kind => ResourceKinds.Dns;

    /// <exception cref="AwsOperationException">An AWS error, no zone, or no load balancer, as one line.</exception>
    /// <exception cref="StageSettingsException">The <c>elb</c> or <c>dns</c> block does not have the expected shape.</exception>
    public async Task<ResourceResult> ConvergeAsync(AwsStageContext ctx, CancellationToken cancellationToken)
    {
        // Foremast makes neither load balancer nor DNS for Eureka apps.
        if (AppFlags.EurekaEnabled(ctx.Settings)) return new ResourceResult([]);
        var elb = ElbSettings.From(ctx.Settings);
        var dns = DnsSettings.From(ctx.Settings);
        var session = clients.Session(ctx.Target);
        var name = ctx.Names.Name("elb_app");
        var zoneName = $"{ctx.Env}.{ctx.Global.Domain}";
        try
        {
            var target = await TargetAsync(ctx, session, name, elb, cancellationToken).ConfigureAwait(false);
            var records = DnsRecordPlanner.Records(ctx, dns, target);
            var route53 = new Route53Client(session.Route53);
            var zones = (await route53.ListHostedZonesByNameAsync(zoneName, cancellationToken).ConfigureAwait(false))
                .Where(z => z.PrivateZone || !elb.IsInternal)
                .ToList();
            var differences = new List<RecordDifference>();
            foreach (var record in records)
            {
                var recordName = record.RecordSet.Name;
                var into = zones.Where(z => recordName.Equals(z.Name, StringComparison.OrdinalIgnoreCase) || recordName.EndsWith("." + z.Name, StringComparison.OrdinalIgnoreCase)).ToList();
                if (into.Count == 0)
                {
                    throw new AwsOperationException(
                        $"{Kind} {recordName}: no {(elb.IsInternal ? "private " : "")}hosted zone for {zoneName} holds this name (zones are looked up by {{env}}.{{base.domain}}; " +
                        $"elb.subnet_purpose {elb.SubnetPurpose} selects {(elb.IsInternal ? "private zones" : "private and public zones")})");
                }

                foreach (var zone in into)
                {
                    var difference = await DiffAsync(route53, zone, record, cancellationToken).ConfigureAwait(false);
                    if (difference is not null) differences.Add(difference);
                }
            }

            if (!ctx.DryRun)
            {
                foreach (var batch in differences.GroupBy(d => d.Zone))
                {
                    await route53.ChangeResourceRecordSetsAsync(batch.Key, batch.SelectMany(d => d.Changes).ToList(), $"Foremast.Functions run {ctx.RunId}", cancellationToken).ConfigureAwait(false);
                }
            }

            return new ResourceResult(Describe(records, differences, ctx.DryRun));
        }
        catch (AwsServiceException e)
        {
            throw AwsOperationException.From(Kind, name, e);
        }
        catch (Amazon.Runtime.AmazonServiceException e)
        {
            throw AwsOperationException.From(Kind, name, "EC2", e);
        }
        catch (AwsConfigurationException e)
        {
            throw new AwsOperationException($"{Kind} {name}: {e.Message}", e);
        }
    }

    private async Task<DnsTarget> TargetAsync(AwsStageContext ctx, AwsSession session, string name, ElbSettings elb, CancellationToken cancellationToken)
    {
        var lb = await LoadBalancerLookup.FindAsync(session, name, elb.EffectiveType, cancellationToken).ConfigureAwait(false);
        if (lb is not null) return new DnsTarget(lb.DnsName, lb.CanonicalHostedZoneId, lb.Type);
        // A dry run of a fresh account: the load balancer step would create it; say so instead of failing.
        if (ctx.DryRun) return new DnsTarget($"(load balancer {name}, not created yet)", "(its zone)", elb.EffectiveType, Pending: true);
        throw new AwsOperationException(
            $"{Kind} {name}: no {elb.EffectiveType} load balancer {name} in env {ctx.Env}, region {ctx.Region}; the load balancer step creates it before DNS");
    }

    private static async Task<RecordDifference?> DiffAsync(Route53Client route53, HostedZone zone, DesiredRecord record, CancellationToken cancellationToken)
    {
        var want = record.RecordSet;
        var live = await route53.ListResourceRecordSetsAsync(zone, want.Name, want.Type, cancellationToken).ConfigureAwait(false);
        var have = live.FirstOrDefault(r => r.SetIdentifier == want.SetIdentifier);
        if (record.OrphanSecondary is { } reason && !live.Any(r => r.Failover == "PRIMARY"))
            throw new AwsConfigurationException($"SECONDARY failover record {want.Name} in {zone} has no PRIMARY: {reason}");
        var changes = new List<RecordChange>();
        var notes = new List<string>();
        if (record.ReplacesCname)
        {
            foreach (var cname in await route53.ListResourceRecordSetsAsync(zone, want.Name, "CNAME", cancellationToken).ConfigureAwait(false))
            {
                changes.Add(new RecordChange("DELETE", cname));
                notes.Add($"CNAME {string.Join(", ", cname.Values)} replaced");
            }
        }

        if (have is null) notes.Add($"{want}");
        else notes.AddRange(Differences(have, want));
        if (notes.Count == 0) return null;
        changes.Add(new RecordChange("UPSERT", want));
        return new RecordDifference(zone, record, have is null, $"{string.Join(", ", notes)} in {zone}", changes);
    }

    /// <summary>What differs between a live record and the wanted one (moto reports aliases with TTL 0: an alias has no TTL to compare).</summary>
    private static IEnumerable<string> Differences(ResourceRecordSet have, ResourceRecordSet want)
    {
        if (want.AliasTarget is { } alias)
        {
            if (have.AliasTarget is not { } live) yield return $"{have} → {want}";
            else if (!SameName(live.DNSName, alias.DNSName) || live.HostedZoneId != alias.HostedZoneId || live.EvaluateTargetHealth != alias.EvaluateTargetHealth)
            {
                yield return $"alias {live.DNSName} → {alias.DNSName}";
            }

            if (have.Failover != want.Failover) yield return $"failover {have.Failover} → {want.Failover}";
            yield break;
        }

        if (have.Values.Count != want.Values.Count || !have.Values.Zip(want.Values).All(p => SameName(p.First, p.Second)))
        {
            yield return $"value {string.Join(", ", have.Values)} → {string.Join(", ", want.Values)}";
        }

        if (have.TTL != want.TTL) yield return $"TTL {have.TTL} → {want.TTL}";
    }

    private static bool SameName(string a, string b) => string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private IReadOnlyList<ResourceChange> Describe(IReadOnlyList<DesiredRecord> records, IReadOnlyList<RecordDifference> differences, bool dryRun) =>
        records.Select(r => r.RecordSet.Name).Distinct(StringComparer.OrdinalIgnoreCase).Select(recordName =>
        {
            var mine = differences.Where(d => d.Record.RecordSet.Name.Equals(recordName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (mine.Count == 0) return new ResourceChange(Verbs.Unchanged, Kind, recordName);
            var created = mine.All(d => d.Created);
            var verb = (created, dryRun) switch
            {
                (true, true) => Verbs.WouldCreate,
                (true, false) => Verbs.Created,
                (false, true) => Verbs.WouldUpdate,
                (false, false) => Verbs.Updated,
            };
            return new ResourceChange(verb, Kind, recordName, string.Join("; ", mine.Select(d => d.Description)));
        }).ToList();
}
