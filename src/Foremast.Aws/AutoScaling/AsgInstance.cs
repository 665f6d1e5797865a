namespace Foremast.Aws.AutoScaling;

/// <summary>An instance of a group as Auto Scaling sees it (<c>InService</c>, <c>Healthy</c>…).</summary>
public sealed record AsgInstance(string InstanceId, string LifecycleState, string HealthStatus)
{
    public bool InServiceAndHealthy => LifecycleState == "InService" && HealthStatus == "Healthy";
}
