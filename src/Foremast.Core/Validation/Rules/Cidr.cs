using System.Globalization;
using System.Net;

namespace Foremast.Core.Validation.Rules;

/// <summary>CIDR blocks as EC2 accepts them in ingress rules: an address and a prefix length that fits it.</summary>
public static class Cidr
{
    /// <summary>Foremast's rule: an ingress source containing a dot (or, for IPv6, a colon) is a CIDR, not a group name.</summary>
    public static bool LooksLikeCidr(string source) => source.Contains('.') || source.Contains(':') || source.Contains('/');

    public static bool IsValid(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) return false;
        var address = text[..slash];
        if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)) return false;
        if (address.Contains(':')) return IPAddress.TryParse(address, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && prefix <= 128;

        // IPAddress.TryParse also takes legacy forms ("10.1" is 10.0.0.1); EC2 wants four dotted octets.
        var parts = address.Split('.');
        if (parts.Length != 4) return false;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) || octet > 255) return false;
        }

        return prefix <= 32;
    }
}
