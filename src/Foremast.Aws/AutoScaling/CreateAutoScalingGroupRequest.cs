namespace Foremast.Aws.AutoScaling;

/// <summary>The fields of <c>CreateAutoScalingGroup</c> the deploy sets (SDK shape).</summary>
/// <param name="Tags">Propagated to the instances at launch.</param>
public sealed record CreateAutoScalingGroupRequest(
    string AutoScalingGroupName,
    string LaunchTemplateId,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    IReadOnlyList<string> SubnetIds,
    string HealthCheckType,
    int HealthCheckGracePeriod,
    IReadOnlyList<string> LoadBalancerNames,
    IReadOnlyList<string> TargetGroupARNs,
    IReadOnlyDictionary<string, string> Tags,
    int DefaultCooldown = 10,
    IReadOnlyList<string>? TerminationPolicies = null);
