namespace Foremast.Aws.LoadBalancers.V2;

/// <summary>A target group (SDK <c>TargetGroup</c>) with its health check.</summary>
public sealed record V2TargetGroup(
    string TargetGroupArn,
    string TargetGroupName,
    string Protocol,
    int Port,
    string? VpcId,
    V2HealthCheck HealthCheck);
