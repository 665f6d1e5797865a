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

    /// <summary>The canonical CIDR (a bare address is /32 or /128), or null when it is not one: like Python's strict
    /// <c>ip_network</c>, host bits after the prefix and short IPv4 forms (<c>10.0.0</c>) are refused.</summary>
    public static string? Cidr(string text)
    {
        var value = text.Trim();
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? value : value[..slash];
        if (address.Contains('.', StringComparison.Ordinal) && !address.Contains(':', StringComparison.Ordinal) && !IsDottedQuad(address)) return null;
        if (!IPAddress.TryParse(address, out var parsed)) return null;
        if (slash < 0) value += parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "/128" : "/32";
        if (!IPNetwork.TryParse(value, out var network) || !network.BaseAddress.Equals(parsed)) return null;
        return network.ToString().ToLower(CultureInfo.InvariantCulture);
    }

    private static bool IsDottedQuad(string address)
    {
        var parts = address.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }
}
