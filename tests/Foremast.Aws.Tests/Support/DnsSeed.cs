using System.Xml.Linq;
using Foremast.Aws.Dns.Route53;
using Foremast.Aws.Http;

namespace Foremast.Aws.Tests.Support;

/// <summary>The hosted zones an account already has for Foremast's DNS records: a public and a private (VPC) zone per env domain.</summary>
/// <param name="Public">The public zone's id (<c>/hostedzone/…</c>).</param>
/// <param name="Private">The private zone's id, associated with the VPC.</param>
public sealed record SeededZones(string Public, string Private);

public static class DnsSeed
{
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>
    /// Public and private zones named <paramref name="zoneName"/> (Foremast looks up <c>{env}.{base.domain}</c>, e.g.
    /// <c>dev.example.com</c>); the private one is associated with <paramref name="vpcId"/> in the session's region. Zones that
    /// already exist are reused, so seeding twice changes nothing.
    /// </summary>
    public static async Task<SeededZones> ZonesAsync(AwsSession session, string zoneName, string vpcId)
    {
        var existing = await new Route53Client(session.Route53).ListHostedZonesByNameAsync(zoneName, default);
        var matching = existing.Where(z => z.Name.Equals(zoneName.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)).ToList();
        var publicZone = matching.FirstOrDefault(z => !z.PrivateZone)?.Id ?? await CreateAsync(session, zoneName, null);
        var privateZone = matching.FirstOrDefault(z => z.PrivateZone)?.Id ?? await CreateAsync(session, zoneName, vpcId);
        return new SeededZones(publicZone, privateZone);
    }

    /// <summary>The zones of every env (<c>{env}.{domain}</c>) of the example, in the session's region and VPC.</summary>
    public static async Task<IReadOnlyDictionary<string, SeededZones>> EnvZonesAsync(AwsSession session, IEnumerable<string> envs, string domain, string vpcId)
    {
        var zones = new Dictionary<string, SeededZones>(StringComparer.Ordinal);
        foreach (var env in envs) zones[env] = await ZonesAsync(session, $"{env}.{domain}", vpcId);
        return zones;
    }

    private static async Task<string> CreateAsync(AwsSession session, string zoneName, string? vpcId)
    {
        var body = new XElement(Ns + "CreateHostedZoneRequest", new XElement(Ns + "Name", zoneName));
        if (vpcId is not null) body.Add(new XElement(Ns + "VPC", new XElement(Ns + "VPCRegion", session.Region), new XElement(Ns + "VPCId", vpcId)));
        body.Add(new XElement(Ns + "CallerReference", $"seed-{zoneName}-{vpcId ?? "public"}-{Guid.NewGuid():N}"));
        body.Add(new XElement(Ns + "HostedZoneConfig", new XElement(Ns + "PrivateZone", vpcId is null ? "false" : "true")));
        var answer = await session.Route53.SendAsync("CreateHostedZone", HttpMethod.Post, "hostedzone", body);
        return answer.Find("HostedZone")!.Value("Id")!;
    }
}
