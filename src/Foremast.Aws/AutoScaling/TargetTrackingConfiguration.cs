namespace Foremast.Aws.AutoScaling;

/// <summary>A target tracking policy's target: a predefined metric type, or a customized metric (name, namespace, statistic, dimensions).</summary>
public sealed record TargetTrackingConfiguration(
    double TargetValue,
    bool DisableScaleIn,
    string? PredefinedMetricType,
    string? MetricName = null,
    string? Namespace = null,
    string? Statistic = null,
    IReadOnlyList<KeyValuePair<string, string>>? Dimensions = null)
{
    public bool SameAs(TargetTrackingConfiguration? other) =>
        other is not null && TargetValue.Equals(other.TargetValue) && DisableScaleIn == other.DisableScaleIn && PredefinedMetricType == other.PredefinedMetricType
        && (PredefinedMetricType is not null || (MetricName == other.MetricName && Namespace == other.Namespace && Statistic == other.Statistic
            && (Dimensions ?? []).OrderBy(d => d.Key).SequenceEqual((other.Dimensions ?? []).OrderBy(d => d.Key))));
}
