namespace Foremast.Aws.Health;

/// <summary>The <c>aws</c> field of <c>GET /api/health</c>.</summary>
/// <param name="Reachable"><c>true</c>, <c>false</c>, or the string <c>"not configured"</c> when this host wires no AWS executors.</param>
/// <param name="Endpoint">The STS endpoint asked (a custom one such as moto, or AWS's); null when not configured.</param>
/// <param name="Error">Why it is not reachable, one line; never a credential.</param>
public sealed record AwsReachabilityReport(object Reachable, string? Endpoint, string? Error = null)
{
    public static readonly AwsReachabilityReport NotConfigured = new("not configured", null);
}
