using System.Globalization;
using System.Xml.Linq;
using Foremast.Aws.Http;

namespace Foremast.Aws.Dns.Route53;

/// <summary>
/// The Route53 calls (REST-XML, 2013-04-01) Foremast.Functions makes, shaped after the SDK's <c>AmazonRoute53Client</c> so a
/// switch to the SDK touches this folder only.
/// </summary>
public sealed class Route53Client(AwsRestXmlClient rest)
{
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>The zones AWS lists from <paramref name="dnsName"/> on (one page of up to 100, which covers an env's zones).</summary>
    public async Task<IReadOnlyList<HostedZone>> ListHostedZonesByNameAsync(string dnsName, CancellationToken cancellationToken)
    {
        var answer = await rest.SendAsync("ListHostedZonesByName", HttpMethod.Get, $"hostedzonesbyname?dnsname={Uri.EscapeDataString(dnsName)}", null, cancellationToken).ConfigureAwait(false);
        return answer.Members("HostedZones").Select(z => new HostedZone(
            z.Value("Id") ?? "",
            TrimDot(z.Value("Name") ?? ""),
            string.Equals(z.Child("Config")?.Value("PrivateZone"), "true", StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>The record sets of that name and type (both failover halves, if any); AWS lists from there on, so this filters.</summary>
    public async Task<IReadOnlyList<ResourceRecordSet>> ListResourceRecordSetsAsync(HostedZone zone, string name, string type, CancellationToken cancellationToken)
    {
        var path = $"hostedzone/{zone.ShortId}/rrset?name={Uri.EscapeDataString(name)}&type={type}&maxitems=10";
        var answer = await rest.SendAsync("ListResourceRecordSets", HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return answer.Members("ResourceRecordSets").Select(Parse)
            .Where(r => string.Equals(r.Name, TrimDot(name), StringComparison.OrdinalIgnoreCase) && r.Type == type)
            .ToList();
    }

    public Task ChangeResourceRecordSetsAsync(HostedZone zone, IReadOnlyList<RecordChange> changes, string comment, CancellationToken cancellationToken)
    {
        var body = new XElement(Ns + "ChangeResourceRecordSetsRequest",
            new XElement(Ns + "ChangeBatch",
                new XElement(Ns + "Comment", comment),
                new XElement(Ns + "Changes", changes.Select(c => new XElement(Ns + "Change",
                    new XElement(Ns + "Action", c.Action),
                    Write(c.RecordSet))))));
        return rest.SendAsync("ChangeResourceRecordSets", HttpMethod.Post, $"hostedzone/{zone.ShortId}/rrset/", body, cancellationToken);
    }

    /// <summary>The elements in the order of Route53's schema (it rejects any other).</summary>
    private static XElement Write(ResourceRecordSet record)
    {
        var set = new XElement(Ns + "ResourceRecordSet", new XElement(Ns + "Name", record.Name), new XElement(Ns + "Type", record.Type));
        if (record.SetIdentifier is not null) set.Add(new XElement(Ns + "SetIdentifier", record.SetIdentifier));
        if (record.Failover is not null) set.Add(new XElement(Ns + "Failover", record.Failover));
        if (record.AliasTarget is { } alias)
        {
            set.Add(new XElement(Ns + "AliasTarget",
                new XElement(Ns + "HostedZoneId", alias.HostedZoneId),
                new XElement(Ns + "DNSName", alias.DNSName),
                new XElement(Ns + "EvaluateTargetHealth", alias.EvaluateTargetHealth ? "true" : "false")));
            return set;
        }

        if (record.TTL is { } ttl) set.Add(new XElement(Ns + "TTL", ttl.ToString(CultureInfo.InvariantCulture)));
        set.Add(new XElement(Ns + "ResourceRecords", record.Values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v)))));
        return set;
    }

    private static ResourceRecordSet Parse(XElement r)
    {
        var alias = r.Child("AliasTarget");
        return new ResourceRecordSet(
            TrimDot(r.Value("Name") ?? ""),
            r.Value("Type") ?? "",
            long.TryParse(r.Value("TTL"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ttl) ? ttl : null,
            r.Members("ResourceRecords").Select(v => v.Value("Value") ?? "").ToList(),
            alias is null
                ? null
                : new AliasTarget(alias.Value("HostedZoneId") ?? "", TrimDot(alias.Value("DNSName") ?? ""), string.Equals(alias.Value("EvaluateTargetHealth"), "true", StringComparison.OrdinalIgnoreCase)),
            r.Value("SetIdentifier"),
            r.Value("Failover"));
    }

    private static string TrimDot(string name) => name.TrimEnd('.');
}
