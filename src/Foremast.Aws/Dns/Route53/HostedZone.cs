namespace Foremast.Aws.Dns.Route53;

/// <summary>A Route53 hosted zone (SDK <c>HostedZone</c>); <paramref name="Name"/> without the trailing dot.</summary>
public sealed record HostedZone(string Id, string Name, bool PrivateZone)
{
    /// <summary>The id without the <c>/hostedzone/</c> prefix, as paths take it.</summary>
    public string ShortId => Id.StartsWith("/hostedzone/", StringComparison.Ordinal) ? Id["/hostedzone/".Length..] : Id;

    public string Facing => PrivateZone ? "private" : "public";

    public override string ToString() => $"{Name} ({Facing})";
}
