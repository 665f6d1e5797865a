namespace Foremast.Api.Approvals;

/// <summary>Where a decision came from, as recorded with it.</summary>
/// <param name="Address">The address this engine trusts: the connection's peer, or the entry its own trusted proxies added to <c>X-Forwarded-For</c>.</param>
/// <param name="ForwardedFor">What the request claimed beyond that (<c>X-Forwarded-For</c> entries no trusted proxy vouches for); kept for the audit, never trusted.</param>
public sealed record DecisionSource(string? Address, string? ForwardedFor)
{
    private const int MaxLength = 200;

    /// <summary>
    /// Reads the source of <paramref name="request"/>. Anyone can send <c>X-Forwarded-For</c>; each proxy appends the
    /// address it saw, so only the rightmost <paramref name="trustedProxies"/> entries were written by proxies this
    /// engine runs behind, and the one they wrote first is the client. With no trusted proxy (the local engine, a bare
    /// host) the connection's peer address is the source and the header is only a claim.
    /// </summary>
    /// <param name="trustedProxies"><c>Foremast:Approvals:TrustedProxies</c>: 1 behind App Service's front end.</param>
    public static DecisionSource Of(ApiRequest request, int trustedProxies)
    {
        var chain = (request.Header("X-Forwarded-For") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (trustedProxies > 0 && chain.Length >= trustedProxies)
        {
            var client = chain.Length - trustedProxies;
            return new DecisionSource(Clip(WithoutPort(chain[client])), client == 0 ? null : Clip(string.Join(", ", chain[..client])));
        }

        return new DecisionSource(Clip(request.RemoteAddress), chain.Length == 0 ? null : Clip(string.Join(", ", chain)));
    }

    /// <summary>App Service writes <c>203.0.113.7:51234</c>; IPv6 with a port comes as <c>[2001:db8::1]:51234</c>.</summary>
    public static string WithoutPort(string entry)
    {
        if (entry.StartsWith('[') && entry.IndexOf(']') is > 0 and var end) return entry[1..end];
        var colon = entry.IndexOf(':');
        return colon > 0 && colon == entry.LastIndexOf(':') ? entry[..colon] : entry;
    }

    private static string? Clip(string? value) => value is null ? null : value.Length <= MaxLength ? value : value[..MaxLength];
}
