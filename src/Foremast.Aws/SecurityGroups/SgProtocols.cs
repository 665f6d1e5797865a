using System.Globalization;
using System.Net;

namespace Foremast.Aws.SecurityGroups;

/// <summary>How EC2 spells protocols and CIDRs, so config values and live permissions compare equal.</summary>
public static class SgProtocols
{
    /// <summary><c>TCP</c>, <c>6</c> → <c>tcp</c>; <c>all</c> → <c>-1</c>; unknown numbers stay numbers, as EC2 reports them.</summary>
    public static string Protocol(string? protocol)
    {
        var p = (protocol ?? "tcp").Trim().ToLowerInvariant();
        return p switch
        {
            "6" => "tcp",
            "17" => "udp",
            "1" => "icmp",
            "58" => "icmpv6",
            "all" or "" => "-1",
            _ => p,
        };
    }

    /// <summary>EC2 ignores ports for "all protocols" and reports none: every such rule has the range -1..-1.</summary>
    public static (int From, int To) Ports(string protocol, int? from, int? to) =>
        protocol == "-1" ? (-1, -1) : (from ?? -1, to ?? -1);

    /// <summary>The canonical CIDR (a bare address is /32 or /128), or null when it is not one (host bits set, as Python's strict IPv4Network refuses).</summary>
    public static string? Cidr(string text)
    {
        var value = text.Trim();
        if (!value.Contains('/', StringComparison.Ordinal))
        {
            if (!IPAddress.TryParse(value, out var address)) return null;
            value += address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "/128" : "/32";
        }

        if (!IPNetwork.TryParse(value, out var network)) return null;
        var canonical = network.ToString();
        return string.Equals(canonical, value, StringComparison.OrdinalIgnoreCase) || network.BaseAddress.Equals(IPAddress.Parse(value[..value.IndexOf('/', StringComparison.Ordinal)]))
            ? canonical.ToLower(CultureInfo.InvariantCulture)
            : null;
    }
}
