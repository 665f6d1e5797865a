namespace Foremast.Core.Config.Settings;

/// <summary>The <c>scaling_metric</c> of a custom scaling policy.</summary>
/// <param name="MetricType"><c>predefined</c> (target tracking: <see cref="MetricName"/> is the predefined type) or <c>custom</c>.</param>
/// <param name="EvaluationPeriod">Alarm period in seconds.</param>
/// <param name="Dimensions">A value of <c>$self</c> means the server group the policy is attached to.</param>
public sealed record ScalingMetricSettings(
    string MetricType = "predefined",
    string MetricName = "CPUUtilization",
    string Namespace = "AWS/EC2",
    string Statistic = "Average",
    string ComparisonOperator = "GreaterThanThreshold",
    int EvaluationPeriods = 1,
    int EvaluationPeriod = 60,
    double Threshold = 0,
    IReadOnlyList<MetricDimensionSettings>? Dimensions = null,
    IReadOnlyList<StepAdjustmentSettings>? Steps = null);
