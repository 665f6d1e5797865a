namespace Foremast.Core.Config.Settings;

/// <summary><c>asg.scaling_policy</c> (v1, reference §9.9): an up and (unless <see cref="ScaleDown"/> is false) a down step policy with alarms.</summary>
/// <param name="Threshold">Scale-up threshold; the scale-down threshold is <c>floor(threshold * 0.5)</c>. Absent means no policy (<c>{}</c>).</param>
public sealed record ScalingPolicySettings(
    string Metric = "CPUUtilization",
    double? Threshold = null,
    int PeriodMinutes = 30,
    string Statistic = "Average",
    int InstanceWarmup = 600,
    bool ScaleDown = true,
    int IncreaseScalingAdjustment = 1,
    int DecreaseScalingAdjustment = -1)
{
    public bool IsEmpty => Threshold is null;

    public double ScaleDownThreshold => Math.Floor((Threshold ?? 0) * 0.5);
}
