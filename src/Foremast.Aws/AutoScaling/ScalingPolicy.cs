using System.Globalization;
using System.Xml.Linq;
using Foremast.Aws.Http;

namespace Foremast.Aws.AutoScaling;

/// <summary>A scaling policy of a group (SDK shape): the desired one built from the config, or one read back with <c>DescribePolicies</c>.</summary>
/// <param name="PolicyARN">Only on policies read back (moto's PutScalingPolicy answers none, so it is always read back).</param>
public sealed record ScalingPolicy(
    string PolicyName,
    string PolicyType,
    string? AdjustmentType,
    string? MetricAggregationType,
    int? EstimatedInstanceWarmup,
    IReadOnlyList<StepAdjustment> StepAdjustments,
    TargetTrackingConfiguration? TargetTracking,
    string? PolicyARN = null)
{
    public const string StepScaling = "StepScaling", TargetTrackingScaling = "TargetTrackingScaling";

    /// <summary>Whether the live policy already is what the config asks for.</summary>
    public bool SameAs(ScalingPolicy live) =>
        PolicyType == live.PolicyType && EstimatedInstanceWarmup == live.EstimatedInstanceWarmup
        && (PolicyType == TargetTrackingScaling
            ? TargetTracking?.SameAs(live.TargetTracking) == true
            : AdjustmentType == live.AdjustmentType && MetricAggregationType == live.MetricAggregationType
              && Order(StepAdjustments).SequenceEqual(Order(live.StepAdjustments)));

    public static ScalingPolicy Parse(XElement m)
    {
        var tracking = m.Child("TargetTrackingConfiguration");
        var custom = tracking?.Child("CustomizedMetricSpecification");
        return new ScalingPolicy(
            m.Value("PolicyName") ?? "",
            m.Value("PolicyType") ?? "SimpleScaling",
            m.Value("AdjustmentType"),
            m.Value("MetricAggregationType"),
            int.TryParse(m.Value("EstimatedInstanceWarmup"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : null,
            m.Members("StepAdjustments").Select(s => new StepAdjustment(
                int.Parse(s.Value("ScalingAdjustment") ?? "0", CultureInfo.InvariantCulture), Number(s.Value("MetricIntervalLowerBound")), Number(s.Value("MetricIntervalUpperBound")))).ToList(),
            tracking is null ? null : new TargetTrackingConfiguration(
                Number(tracking.Value("TargetValue")) ?? 0,
                string.Equals(tracking.Value("DisableScaleIn"), "true", StringComparison.OrdinalIgnoreCase),
                tracking.Child("PredefinedMetricSpecification")?.Value("PredefinedMetricType"),
                custom?.Value("MetricName"),
                custom?.Value("Namespace"),
                custom?.Value("Statistic"),
                custom?.Members("Dimensions").Select(d => new KeyValuePair<string, string>(d.Value("Name") ?? "", d.Value("Value") ?? "")).ToList()),
            m.Value("PolicyARN"));
    }

    private static double? Number(string? text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static IEnumerable<StepAdjustment> Order(IEnumerable<StepAdjustment> steps) =>
        steps.OrderBy(s => s.MetricIntervalLowerBound ?? double.MinValue).ThenBy(s => s.MetricIntervalUpperBound ?? double.MaxValue);
}
