using Foremast.Aws.AutoScaling;
using Foremast.Core.Config.Settings;

namespace Foremast.Aws.Scaling;

/// <summary>
/// The policies, alarms and scheduled actions the <c>asg</c> block asks for on one server group (reference §9.9):
/// v1 <c>scaling_policy</c> gives <c>{app}-{metric}-increase</c> (and <c>-decrease</c> unless <c>scale_down</c> is false), step
/// policies with same-named alarms; v2 <c>custom_scaling_policies</c> gives <c>{app}-{metric}-{step|tracking}-{n}</c>.
/// </summary>
public static class DesiredScaling
{
    public static IReadOnlyList<DesiredPolicy> Policies(string app, string serverGroup, AsgSettings asg)
    {
        var result = new List<DesiredPolicy>();
        if (asg.ScalingPolicy is { IsEmpty: false } v1)
        {
            var aggregation = v1.Statistic is "Minimum" or "Maximum" ? v1.Statistic : "Average";
            result.Add(Step(
                $"{app}-{v1.Metric}-increase", aggregation, v1.InstanceWarmup, [new StepAdjustment(v1.IncreaseScalingAdjustment, 0, null)],
                v1.Metric, "AWS/EC2", v1.Statistic, v1.PeriodMinutes * 60, 1, v1.Threshold!.Value, "GreaterThanThreshold", [Group(serverGroup)]));
            if (v1.ScaleDown)
            {
                result.Add(Step(
                    $"{app}-{v1.Metric}-decrease", aggregation, v1.InstanceWarmup, [new StepAdjustment(v1.DecreaseScalingAdjustment, null, 0)],
                    v1.Metric, "AWS/EC2", v1.Statistic, v1.PeriodMinutes * 60, 1, v1.ScaleDownThreshold, "LessThanThreshold", [Group(serverGroup)]));
            }

            return result;
        }

        var n = 0;
        foreach (var custom in asg.EffectiveCustomPolicies)
        {
            n++;
            var m = custom.Metric;
            var dimensions = (m.Dimensions ?? [])
                .Select(d => new KeyValuePair<string, string>(d.Name, d.Value == MetricDimensionSettings.Self ? serverGroup : d.Value)).ToList();
            if (custom.ScalingType == CustomScalingPolicySettings.TargetTracking)
            {
                var tracking = m.MetricType == "predefined"
                    ? new TargetTrackingConfiguration(custom.TargetValue ?? 0, custom.DisableScaleIn, m.MetricName)
                    : new TargetTrackingConfiguration(custom.TargetValue ?? 0, custom.DisableScaleIn, null, m.MetricName, m.Namespace, m.Statistic, dimensions);
                result.Add(new DesiredPolicy(new ScalingPolicy($"{app}-{m.MetricName}-tracking-{n}", ScalingPolicy.TargetTrackingScaling, null, null, custom.InstanceWarmup, [], tracking), null));
            }
            else
            {
                var steps = (m.Steps ?? []).Select(s => new StepAdjustment(s.ScalingAdjustment, s.MetricIntervalLowerBound, s.MetricIntervalUpperBound)).ToList();
                var aggregation = m.Statistic is "Minimum" or "Maximum" ? m.Statistic : "Average";
                result.Add(Step(
                    $"{app}-{m.MetricName}-step-{n}", aggregation, custom.InstanceWarmup, steps,
                    m.MetricName, m.Namespace, m.Statistic, m.EvaluationPeriod, m.EvaluationPeriods, m.Threshold, m.ComparisonOperator,
                    dimensions.Count > 0 ? dimensions : [Group(serverGroup)]));
            }
        }

        return result;
    }

    /// <summary><c>asg.scheduled_actions</c> as <c>{app}-scheduled-{n}</c> on the group.</summary>
    public static IReadOnlyList<ScheduledAction> ScheduledActions(string app, AsgSettings asg) =>
        (asg.ScheduledActions ?? []).Select((a, i) => new ScheduledAction(ScheduledPrefix(app) + (i + 1), a.Recurrence, a.MinSize, a.MaxSize, a.DesiredCapacity)).ToList();

    public static string ScheduledPrefix(string app) => $"{app}-scheduled-";

    private static KeyValuePair<string, string> Group(string serverGroup) => new("AutoScalingGroupName", serverGroup);

    private static DesiredPolicy Step(
        string name, string aggregation, int warmup, IReadOnlyList<StepAdjustment> steps,
        string metric, string ns, string statistic, int period, int evaluationPeriods, double threshold, string comparison, IReadOnlyList<KeyValuePair<string, string>> dimensions) =>
        new(
            new ScalingPolicy(name, ScalingPolicy.StepScaling, "ChangeInCapacity", aggregation, warmup, steps, null),
            new MetricAlarm(name, metric, ns, statistic, period, evaluationPeriods, threshold, comparison, dimensions, []));
}
