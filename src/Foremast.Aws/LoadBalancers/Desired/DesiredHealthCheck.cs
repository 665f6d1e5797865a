using Foremast.Core.Config.Settings;

namespace Foremast.Aws.LoadBalancers.Desired;

/// <summary>
/// The health check from <c>elb.target</c> and <c>elb.health</c>, split as Foremast's <c>splay_health</c> did: TCP (and SSL)
/// checks have no path, an HTTP(S) target without a path checks <c>/healthcheck</c>.
/// </summary>
public sealed record DesiredHealthCheck(string Protocol, int Port, string? Path, int Interval, int Timeout, int HealthyThreshold, int UnhealthyThreshold)
{
    /// <summary>The classic ELB form, <c>PROTO:PORT[/path]</c>.</summary>
    public string Target => $"{Protocol}:{Port}{Path}";

    public static DesiredHealthCheck From(string target, HealthSettings health)
    {
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var protocol = (colon < 0 ? target : target[..colon]).Trim().ToUpperInvariant();
        var rest = colon < 0 ? "" : target[(colon + 1)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var portText = slash < 0 ? rest : rest[..slash];
        if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port))
        {
            throw new FormatException($"$.elb.target: expected \"PROTO:PORT[/path]\" such as \"HTTP:8080/health\", got \"{target}\"");
        }

        string? path = protocol is "HTTP" or "HTTPS" ? (slash < 0 ? "/healthcheck" : rest[slash..]) : null;
        return new DesiredHealthCheck(protocol, port, path, health.Interval, health.Timeout, health.Threshold, health.UnhealthyThreshold);
    }

    public override string ToString() => $"{Target} every {Interval}s, timeout {Timeout}s, healthy {HealthyThreshold}, unhealthy {UnhealthyThreshold}";
}
