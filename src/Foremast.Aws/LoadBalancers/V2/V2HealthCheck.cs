namespace Foremast.Aws.LoadBalancers.V2;

/// <summary>A target group's health check settings (the <c>HealthCheck*</c> fields of the SDK's <c>TargetGroup</c>).</summary>
/// <param name="Port">A port number, or <c>traffic-port</c>.</param>
public sealed record V2HealthCheck(string Protocol, string Port, string? Path, int IntervalSeconds, int TimeoutSeconds, int HealthyThresholdCount, int UnhealthyThresholdCount)
{
    public override string ToString() => $"{Protocol}:{Port}{Path} every {IntervalSeconds}s, timeout {TimeoutSeconds}s, healthy {HealthyThresholdCount}, unhealthy {UnhealthyThresholdCount}";
}
