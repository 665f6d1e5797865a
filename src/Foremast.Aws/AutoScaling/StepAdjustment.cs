namespace Foremast.Aws.AutoScaling;

public sealed record StepAdjustment(int ScalingAdjustment, double? MetricIntervalLowerBound, double? MetricIntervalUpperBound);
