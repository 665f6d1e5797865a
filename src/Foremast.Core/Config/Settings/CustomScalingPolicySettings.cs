namespace Foremast.Core.Config.Settings;

/// <summary>One <c>asg.custom_scaling_policies</c> entry (v2): <c>step_scaling</c> with an alarm, or <c>target_tracking</c>.</summary>
public sealed record CustomScalingPolicySettings(
    string ScalingType = "step_scaling",
    int InstanceWarmup = 300,
    bool DisableScaleIn = false,
    double? TargetValue = null,
    ScalingMetricSettings? ScalingMetric = null)
{
    public const string StepScaling = "step_scaling", TargetTracking = "target_tracking";

    public ScalingMetricSettings Metric => ScalingMetric ?? new ScalingMetricSettings();
}
