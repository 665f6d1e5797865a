namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>SDK <c>HealthCheck</c>: <c>Target</c> is <c>PROTO:PORT[/path]</c>.</summary>
public sealed record ClassicHealthCheck(string Target, int Interval, int Timeout, int UnhealthyThreshold, int HealthyThreshold)
{
    public override string ToString() => $"{Target} every {Interval}s, timeout {Timeout}s, healthy {HealthyThreshold}, unhealthy {UnhealthyThreshold}";
}
