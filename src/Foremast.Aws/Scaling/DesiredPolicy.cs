using Foremast.Aws.AutoScaling;

namespace Foremast.Aws.Scaling;

/// <summary>A policy the config asks for and, for step policies, the alarm that triggers it (its actions filled in once the ARN is known).</summary>
public sealed record DesiredPolicy(ScalingPolicy Policy, MetricAlarm? Alarm);
