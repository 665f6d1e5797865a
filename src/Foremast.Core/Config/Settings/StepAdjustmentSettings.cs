using System.Text.Json.Serialization;

namespace Foremast.Core.Config.Settings;

/// <summary>One step of a step scaling policy, spelled as Spinnaker and AWS spell it (camelCase in the runway file).</summary>
public sealed record StepAdjustmentSettings(
    [property: JsonPropertyName("scalingAdjustment")] int ScalingAdjustment,
    [property: JsonPropertyName("metricIntervalLowerBound")] double? MetricIntervalLowerBound = null,
    [property: JsonPropertyName("metricIntervalUpperBound")] double? MetricIntervalUpperBound = null);
