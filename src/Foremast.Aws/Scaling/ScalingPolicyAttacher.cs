using Foremast.Aws.AutoScaling;
using Foremast.Aws.Deploy;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Scaling;

/// <summary>
/// Attach Scaling Policy [env]: converges the server group's scaling policies, their alarms and its scheduled actions to the
/// <c>asg</c> block. Policies that left the config are deleted with their alarms (Foremast replaced all of them on every run;
/// here only what differs is written, so a second run writes nothing). Without a named server group, the cluster's newest.
/// </summary>
public sealed class ScalingPolicyAttacher(AwsClientBuilder clients)
{
    private const string PolicyKind = "scalingpolicy", AlarmKind = "alarm", ScheduleKind = "scheduledaction";

    public async Task<ResourceResult> AttachAsync(AwsStageContext ctx, string? serverGroup, CancellationToken cancellationToken = default)
    {
        var session = clients.Session(ctx.Target);
        var group = serverGroup ?? ClusterGroups.OfEnv(await ClusterGroups.ListAsync(new AutoScalingClient(session.AutoScaling), ctx.App, cancellationToken).ConfigureAwait(false), ctx.Env).FirstOrDefault()?.AutoScalingGroupName
            ?? throw new AwsConfigurationException($"no server group of {ctx.App} in env {ctx.Env}, region {ctx.Region} to attach scaling policies to: deploy first");
        var asg = AsgSettings.From(ctx.Settings);
        var changes = new List<ResourceChange>();
        changes.AddRange(await PoliciesAsync(session, ctx, group, asg, cancellationToken).ConfigureAwait(false));
        changes.AddRange(await ScheduledActionsAsync(session, ctx, group, asg, cancellationToken).ConfigureAwait(false));
        return new ResourceResult(changes);
    }

    private static async Task<List<ResourceChange>> PoliciesAsync(AwsSession session, AwsStageContext ctx, string group, AsgSettings asg, CancellationToken cancellationToken)
    {
        var policies = new AutoScalingPolicies(session.AutoScaling);
        var alarms = new CloudWatchAlarms(session.CloudWatch);
        var desired = DesiredScaling.Policies(ctx.App, group, asg);
        var live = await Run(group, "DescribePolicies", () => policies.DescribePoliciesAsync(group, cancellationToken)).ConfigureAwait(false);
        var stale = live.Where(l => desired.All(d => d.Policy.PolicyName != l.PolicyName)).ToList();
        var alarmNames = desired.Where(d => d.Alarm is not null).Select(d => d.Alarm!.AlarmName).Concat(stale.Select(s => s.PolicyName)).Distinct().ToList();
        var liveAlarms = (await Run(group, "DescribeAlarms", () => alarms.DescribeAlarmsAsync(alarmNames, cancellationToken)).ConfigureAwait(false))
            .ToDictionary(a => a.AlarmName, StringComparer.Ordinal);
        var changes = new List<ResourceChange>();

        foreach (var (policy, alarm) in desired)
        {
            var current = live.FirstOrDefault(l => l.PolicyName == policy.PolicyName);
            var arn = current?.PolicyARN;
            if (current is not null && policy.SameAs(current))
            {
                changes.Add(new ResourceChange("unchanged", PolicyKind, policy.PolicyName, $"on {group}"));
            }
            else
            {
                var verb = current is null ? "create" : "update";
                if (!ctx.DryRun) arn = await Run(policy.PolicyName, "PutScalingPolicy", () => policies.PutScalingPolicyAsync(group, policy, cancellationToken)).ConfigureAwait(false);
                changes.Add(new ResourceChange(Verb(verb, ctx.DryRun), PolicyKind, policy.PolicyName, $"{Describe(policy)} on {group}"));
            }

            if (alarm is null) continue;
            var wanted = alarm with { AlarmActions = arn is null ? [] : [arn] };
            var liveAlarm = liveAlarms.GetValueOrDefault(alarm.AlarmName);
            if (liveAlarm is not null && arn is not null && wanted.SameAs(liveAlarm))
            {
                changes.Add(new ResourceChange("unchanged", AlarmKind, alarm.AlarmName));
                continue;
            }

            if (!ctx.DryRun)
            {
                await Run(alarm.AlarmName, "PutMetricAlarm", () => alarms.PutMetricAlarmAsync(wanted, $"{ctx.App} scaling: triggers {policy.PolicyName} on {group}", cancellationToken)).ConfigureAwait(false);
            }

            changes.Add(new ResourceChange(Verb(liveAlarm is null ? "create" : "update", ctx.DryRun), AlarmKind, alarm.AlarmName,
                $"{alarm.MetricName} {alarm.ComparisonOperator} {alarm.Threshold} over {alarm.Period}s"));
        }

        foreach (var policy in stale)
        {
            if (!ctx.DryRun)
            {
                await Run(policy.PolicyName, "DeletePolicy", () => policies.DeletePolicyAsync(group, policy.PolicyName, cancellationToken)).ConfigureAwait(false);
                if (liveAlarms.ContainsKey(policy.PolicyName))
                    await Run(policy.PolicyName, "DeleteAlarms", () => alarms.DeleteAlarmsAsync([policy.PolicyName], cancellationToken)).ConfigureAwait(false);
            }

            changes.Add(new ResourceChange(Verb("delete", ctx.DryRun), PolicyKind, policy.PolicyName, $"no longer in the config, from {group}"));
            if (liveAlarms.ContainsKey(policy.PolicyName)) changes.Add(new ResourceChange(Verb("delete", ctx.DryRun), AlarmKind, policy.PolicyName));
        }

        return changes;
    }

    private static async Task<List<ResourceChange>> ScheduledActionsAsync(AwsSession session, AwsStageContext ctx, string group, AsgSettings asg, CancellationToken cancellationToken)
    {
        var policies = new AutoScalingPolicies(session.AutoScaling);
        var desired = DesiredScaling.ScheduledActions(ctx.App, asg);
        var live = await Run(group, "DescribeScheduledActions", () => policies.DescribeScheduledActionsAsync(group, cancellationToken)).ConfigureAwait(false);
        var changes = new List<ResourceChange>();
        foreach (var action in desired)
        {
            var current = live.FirstOrDefault(l => l.ScheduledActionName == action.ScheduledActionName);
            if (current == action)
            {
                changes.Add(new ResourceChange("unchanged", ScheduleKind, action.ScheduledActionName));
                continue;
            }

            if (!ctx.DryRun) await Run(action.ScheduledActionName, "PutScheduledUpdateGroupAction", () => policies.PutScheduledUpdateGroupActionAsync(group, action, cancellationToken)).ConfigureAwait(false);
            changes.Add(new ResourceChange(Verb(current is null ? "create" : "update", ctx.DryRun), ScheduleKind, action.ScheduledActionName,
                $"{action.Recurrence}: min {action.MinSize?.ToString() ?? "-"}, max {action.MaxSize?.ToString() ?? "-"}, desired {action.DesiredCapacity?.ToString() ?? "-"}"));
        }

        // Only actions named like ours are ours to remove; others on the group were made by someone else.
        foreach (var action in live.Where(l => l.ScheduledActionName.StartsWith(DesiredScaling.ScheduledPrefix(ctx.App), StringComparison.Ordinal) && desired.All(d => d.ScheduledActionName != l.ScheduledActionName)))
        {
            if (!ctx.DryRun) await Run(action.ScheduledActionName, "DeleteScheduledAction", () => policies.DeleteScheduledActionAsync(group, action.ScheduledActionName, cancellationToken)).ConfigureAwait(false);
            changes.Add(new ResourceChange(Verb("delete", ctx.DryRun), ScheduleKind, action.ScheduledActionName, "no longer in the config"));
        }

        return changes;
    }

    private static string Verb(string verb, bool dryRun) => dryRun ? "would " + verb : verb + "d";

    private static string Describe(ScalingPolicy policy) => policy.TargetTracking is { } t
        ? $"target tracking {t.PredefinedMetricType ?? t.MetricName} at {t.TargetValue}"
        : $"step {string.Join(", ", policy.StepAdjustments.Select(s => s.ScalingAdjustment.ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture)))}";

    private static Task<T> Run<T>(string resource, string operation, Func<Task<T>> call) => AwsCalls.RunAsync(resource, operation, call);

    private static Task Run(string resource, string operation, Func<Task> call) => AwsCalls.RunAsync(resource, operation, call);
}
