using Foremast.Aws.Http;

namespace Foremast.Aws.AutoScaling;

/// <summary>Scaling policies and scheduled actions of a group (AutoScaling 2011-01-01 over the Query client, SDK method names).</summary>
public sealed class AutoScalingPolicies(AwsQueryClient query)
{
    public async Task<IReadOnlyList<ScalingPolicy>> DescribePoliciesAsync(string group, CancellationToken cancellationToken, string? policyName = null)
    {
        var q = new QueryParameters().Set("AutoScalingGroupName", group);
        if (policyName is not null) q.List("PolicyNames.member", [policyName]);
        var result = await query.CallAsync("DescribePolicies", q, cancellationToken).ConfigureAwait(false);
        return result.Members("ScalingPolicies").Select(ScalingPolicy.Parse).ToList();
    }

    /// <summary>Creates or replaces the policy and returns its ARN, read back because moto's answer carries none.</summary>
    public async Task<string> PutScalingPolicyAsync(string group, ScalingPolicy policy, CancellationToken cancellationToken)
    {
        var q = new QueryParameters()
            .Set("AutoScalingGroupName", group)
            .Set("PolicyName", policy.PolicyName)
            .Set("PolicyType", policy.PolicyType)
            .Set("EstimatedInstanceWarmup", policy.EstimatedInstanceWarmup);
        if (policy.TargetTracking is { } t)
        {
            q.Set("TargetTrackingConfiguration.TargetValue", t.TargetValue).Set("TargetTrackingConfiguration.DisableScaleIn", t.DisableScaleIn);
            if (t.PredefinedMetricType is not null)
            {
                q.Set("TargetTrackingConfiguration.PredefinedMetricSpecification.PredefinedMetricType", t.PredefinedMetricType);
            }
            else
            {
                const string c = "TargetTrackingConfiguration.CustomizedMetricSpecification.";
                q.Set(c + "MetricName", t.MetricName).Set(c + "Namespace", t.Namespace).Set(c + "Statistic", t.Statistic)
                    .List(c + "Dimensions.member", t.Dimensions ?? [], (p, prefix, d) => p.Set(prefix + "Name", d.Key).Set(prefix + "Value", d.Value));
            }
        }
        else
        {
            q.Set("AdjustmentType", policy.AdjustmentType).Set("MetricAggregationType", policy.MetricAggregationType)
                .List("StepAdjustments.member", policy.StepAdjustments, (p, prefix, s) => p
                    .Set(prefix + "ScalingAdjustment", s.ScalingAdjustment)
                    .Set(prefix + "MetricIntervalLowerBound", s.MetricIntervalLowerBound)
                    .Set(prefix + "MetricIntervalUpperBound", s.MetricIntervalUpperBound));
        }

        var answer = await query.CallAsync("PutScalingPolicy", q, cancellationToken).ConfigureAwait(false);
        if (answer.Value("PolicyARN") is { Length: > 0 } arn) return arn;
        var readBack = await DescribePoliciesAsync(group, cancellationToken, policy.PolicyName).ConfigureAwait(false);
        return readBack.FirstOrDefault(p => p.PolicyName == policy.PolicyName)?.PolicyARN
            ?? throw new AwsServiceException(query.Service.Name, "DescribePolicies", System.Net.HttpStatusCode.OK, "PolicyNotFound", $"policy {policy.PolicyName} not found right after PutScalingPolicy");
    }

    public Task DeletePolicyAsync(string group, string policyName, CancellationToken cancellationToken) =>
        query.CallAsync("DeletePolicy", new QueryParameters().Set("AutoScalingGroupName", group).Set("PolicyName", policyName), cancellationToken);

    public async Task<IReadOnlyList<ScheduledAction>> DescribeScheduledActionsAsync(string group, CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("DescribeScheduledActions", new QueryParameters().Set("AutoScalingGroupName", group), cancellationToken).ConfigureAwait(false);
        return result.Members("ScheduledUpdateGroupActions").Select(ScheduledAction.Parse).ToList();
    }

    public Task PutScheduledUpdateGroupActionAsync(string group, ScheduledAction action, CancellationToken cancellationToken) =>
        query.CallAsync("PutScheduledUpdateGroupAction", new QueryParameters()
            .Set("AutoScalingGroupName", group).Set("ScheduledActionName", action.ScheduledActionName).Set("Recurrence", action.Recurrence)
            .Set("MinSize", action.MinSize).Set("MaxSize", action.MaxSize).Set("DesiredCapacity", action.DesiredCapacity), cancellationToken);

    public Task DeleteScheduledActionAsync(string group, string name, CancellationToken cancellationToken) =>
        query.CallAsync("DeleteScheduledAction", new QueryParameters().Set("AutoScalingGroupName", group).Set("ScheduledActionName", name), cancellationToken);
}
