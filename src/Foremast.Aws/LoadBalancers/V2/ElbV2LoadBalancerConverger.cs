using System.Globalization;
using Foremast.Aws.Converge;
using Foremast.Aws.LoadBalancers.Desired;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.LoadBalancers.V2;

/// <summary>
/// Converges an application or network load balancer <c>{app}</c> and its target group <c>{app}</c> (the deploy attaches its
/// Auto Scaling groups to the target group, as the generated pipelines say). One target group serves every listener, on the
/// first listener's instance protocol and port. Reads the live state, plans one change per difference, applies only those.
/// </summary>
public sealed class ElbV2LoadBalancerConverger
{
    public async Task<ResourceChange> ConvergeAsync(DesiredLoadBalancer desired, AwsSession session, bool dryRun, CancellationToken cancellationToken)
    {
        var elb = new ElbV2Client(session.ElbV2);
        var plan = new ChangePlan(ResourceKinds.LoadBalancer, desired.Name);
        var arns = new Arns();
        var created = false;

        var first = desired.Listeners[0];
        var targetProtocol = first.Instance.Protocol;
        var check = HealthCheck(desired);
        var group = await elb.DescribeTargetGroupAsync(desired.Name, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, string> groupAttributes = new Dictionary<string, string>();
        if (group is null)
        {
            plan.Add(
                $"target group {desired.Name} {targetProtocol}:{first.Instance.Port}",
                async ct => arns.TargetGroup = (await elb.CreateTargetGroupAsync(desired.Name, targetProtocol, first.Instance.Port, desired.VpcId, check, desired.Tags, ct).ConfigureAwait(false)).TargetGroupArn);
        }
        else
        {
            arns.TargetGroup = group.TargetGroupArn;
            if (group.Protocol != targetProtocol || group.Port != first.Instance.Port || (group.VpcId is not null && group.VpcId != desired.VpcId))
            {
                throw new AwsOperationException(
                    $"{plan.Kind} {desired.Name}: target group {desired.Name} is {group.Protocol}:{group.Port} in {group.VpcId} but the config asks for {targetProtocol}:{first.Instance.Port} in {desired.VpcId}; " +
                    "AWS cannot change those: delete the target group (after detaching its server groups) and run again");
            }

            if (group.HealthCheck != check)
            {
                plan.Add($"health check {group.HealthCheck} → {check}", ct => elb.ModifyTargetGroupAsync(group.TargetGroupArn, check, ct));
            }

            groupAttributes = await elb.DescribeTargetGroupAttributesAsync(group.TargetGroupArn, cancellationToken).ConfigureAwait(false);
            await PlanTagsAsync(plan, elb, desired, group.TargetGroupArn, $"target group {desired.Name} ", cancellationToken).ConfigureAwait(false);
        }

        PlanAttributes(plan, "target group", TargetGroupAttributes(desired), groupAttributes, TargetGroupDefaults, (a, ct) => elb.ModifyTargetGroupAttributesAsync(arns.TargetGroup!, a, ct));

        var live = await elb.DescribeLoadBalancerAsync(desired.Name, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<V2Listener> listeners = [];
        IReadOnlyDictionary<string, string> attributes = new Dictionary<string, string>();
        if (live is null)
        {
            created = true;
            var groups = GroupIds(desired);
            plan.Add(
                $"{desired.Scheme} {desired.Type} load balancer in {string.Join(", ", desired.Subnets)}" + (desired.Type == "application" ? $", security groups {string.Join(", ", desired.SecurityGroups.Select(g => g.Name))}" : ""),
                async ct => arns.LoadBalancer = (await elb.CreateLoadBalancerAsync(desired.Name, desired.Type, desired.Internal, desired.Subnets, groups, desired.Tags, ct).ConfigureAwait(false)).LoadBalancerArn);
        }
        else
        {
            arns.LoadBalancer = live.LoadBalancerArn;
            if (live.Scheme != desired.Scheme || live.Type != desired.Type)
            {
                throw new AwsOperationException(
                    $"{plan.Kind} {desired.Name}: the load balancer is an {live.Scheme} {live.Type} one but the config asks for {desired.Scheme} {desired.Type}; AWS cannot change that: " +
                    "delete the load balancer (and its DNS records) and run again");
            }

            PlanNetwork(plan, elb, desired, live);
            listeners = await elb.DescribeListenersAsync(live.LoadBalancerArn, cancellationToken).ConfigureAwait(false);
            attributes = await elb.DescribeLoadBalancerAttributesAsync(live.LoadBalancerArn, cancellationToken).ConfigureAwait(false);
            await PlanTagsAsync(plan, elb, desired, live.LoadBalancerArn, "", cancellationToken).ConfigureAwait(false);
        }

        PlanListeners(plan, elb, desired, listeners, arns);
        PlanAttributes(plan, "load balancer", LoadBalancerAttributes(desired), attributes, LoadBalancerDefaults, (a, ct) => elb.ModifyLoadBalancerAttributesAsync(arns.LoadBalancer!, a, ct));
        return await plan.ApplyAsync(dryRun, created, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What AWS reports for attributes nobody set (moto leaves some out of its answer).</summary>
    private static readonly IReadOnlyDictionary<string, string> LoadBalancerDefaults = new Dictionary<string, string>
    {
        ["idle_timeout.timeout_seconds"] = "60",
        ["access_logs.s3.enabled"] = "false",
        ["access_logs.s3.bucket"] = "",
        ["access_logs.s3.prefix"] = "",
        ["load_balancing.cross_zone.enabled"] = "false",
    };

    private static readonly IReadOnlyDictionary<string, string> TargetGroupDefaults = new Dictionary<string, string>
    {
        ["deregistration_delay.timeout_seconds"] = "300",
        ["stickiness.enabled"] = "false",
    };

    /// <summary>An ELBv2 health check from Foremast's target: SSL checks become TCP (ELBv2 has no SSL check).</summary>
    private static V2HealthCheck HealthCheck(DesiredLoadBalancer desired)
    {
        var h = desired.HealthCheck;
        var protocol = h.Protocol == "SSL" ? "TCP" : h.Protocol;
        return new V2HealthCheck(protocol, h.Port.ToString(CultureInfo.InvariantCulture), h.Path, h.Interval, h.Timeout, h.HealthyThreshold, h.UnhealthyThreshold);
    }

    private static Dictionary<string, string> LoadBalancerAttributes(DesiredLoadBalancer desired)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (desired.Type == "application") attributes["idle_timeout.timeout_seconds"] = Text(desired.IdleTimeout);
        else attributes["load_balancing.cross_zone.enabled"] = "true";
        attributes["access_logs.s3.enabled"] = desired.AccessLog.Enabled ? "true" : "false";
        if (desired.AccessLog.Enabled)
        {
            attributes["access_logs.s3.bucket"] = desired.AccessLog.BucketName!;
            attributes["access_logs.s3.prefix"] = desired.AccessLog.BucketPrefix ?? "";
        }

        return attributes;
    }

    /// <summary>
    /// Connection draining becomes the deregistration delay (left to AWS when the config sets none); the first listener with
    /// <c>stickiness</c> decides the group's stickiness (application load balancers only).
    /// </summary>
    private static Dictionary<string, string> TargetGroupAttributes(DesiredLoadBalancer desired)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (desired.DrainingTimeout is { } draining) attributes["deregistration_delay.timeout_seconds"] = Text(draining);
        if (desired.Type != "application") return attributes;
        var sticky = desired.Listeners.Select(l => l.Stickiness).OfType<DesiredStickiness>().FirstOrDefault();
        attributes["stickiness.enabled"] = sticky is null ? "false" : "true";
        if (sticky?.Type == "app")
        {
            attributes["stickiness.type"] = "app_cookie";
            attributes["stickiness.app_cookie.cookie_name"] = sticky.CookieName ?? "";
        }
        else if (sticky is not null)
        {
            attributes["stickiness.type"] = "lb_cookie";
            attributes["stickiness.lb_cookie.duration_seconds"] = Text(sticky.CookieTtl ?? 86400);
        }

        return attributes;
    }

    private static void PlanAttributes(
        ChangePlan plan, string what, Dictionary<string, string> want, IReadOnlyDictionary<string, string> live, IReadOnlyDictionary<string, string> defaults,
        Func<IReadOnlyDictionary<string, string>, CancellationToken, Task> apply)
    {
        var changed = want.Where(a => (live.GetValueOrDefault(a.Key) ?? defaults.GetValueOrDefault(a.Key)) != a.Value).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        if (changed.Count == 0) return;
        var description = string.Join(", ", changed.Select(a => $"{a.Key} {live.GetValueOrDefault(a.Key) ?? defaults.GetValueOrDefault(a.Key) ?? "unset"} → {a.Value}"));
        plan.Add($"{what} {description}", ct => apply(changed, ct));
    }

    private static void PlanNetwork(ChangePlan plan, ElbV2Client elb, DesiredLoadBalancer desired, V2LoadBalancer live)
    {
        if (!desired.Subnets.ToHashSet(StringComparer.Ordinal).SetEquals(live.Subnets))
        {
            plan.Add($"subnets {string.Join(", ", live.Subnets)} → {string.Join(", ", desired.Subnets)}", ct => elb.SetSubnetsAsync(live.LoadBalancerArn, desired.Subnets, ct));
        }

        if (desired.Type != "application") return;
        var groups = GroupIds(desired);
        if (desired.SecurityGroups.Any(g => g.GroupId is null) || !groups.ToHashSet(StringComparer.Ordinal).SetEquals(live.SecurityGroups))
        {
            plan.Add(
                $"security groups {string.Join(", ", live.SecurityGroups)} → {string.Join(", ", desired.SecurityGroups.Select(g => g.GroupId ?? g.Name))}",
                ct => elb.SetSecurityGroupsAsync(live.LoadBalancerArn, groups, ct));
        }
    }

    private static void PlanListeners(ChangePlan plan, ElbV2Client elb, DesiredLoadBalancer desired, IReadOnlyList<V2Listener> live, Arns arns)
    {
        var liveByPort = live.ToDictionary(l => l.Port);
        var desiredPorts = desired.Listeners.Select(l => l.LoadBalancer.Port).ToHashSet();
        foreach (var gone in live.Where(l => !desiredPorts.Contains(l.Port)))
        {
            plan.Add($"listener {gone} removed", ct => elb.DeleteListenerAsync(gone.ListenerArn, ct));
        }

        foreach (var want in desired.Listeners)
        {
            var port = want.LoadBalancer.Port;
            var protocol = want.LoadBalancer.Protocol;
            var description = $"{protocol}:{port}" + (want.CertificateId is null ? "" : $" ({want.CertificateId})");
            if (!liveByPort.TryGetValue(port, out var have))
            {
                plan.Add($"listener {description} added", ct => elb.CreateListenerAsync(arns.LoadBalancer!, port, protocol, want.CertificateId, arns.TargetGroup!, ct));
            }
            else if (have.Protocol != protocol || have.CertificateArn != want.CertificateId || have.ForwardTargetGroupArn != arns.TargetGroup)
            {
                plan.Add($"listener {have} → {description}", ct => elb.ModifyListenerAsync(have.ListenerArn, port, protocol, want.CertificateId, arns.TargetGroup!, ct));
            }
        }
    }

    private static async Task PlanTagsAsync(ChangePlan plan, ElbV2Client elb, DesiredLoadBalancer desired, string arn, string prefix, CancellationToken cancellationToken)
    {
        var tags = await elb.DescribeTagsAsync(arn, cancellationToken).ConfigureAwait(false);
        var missing = desired.Tags.Where(t => !tags.TryGetValue(t.Key, out var v) || v != t.Value).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (missing.Count > 0) plan.Add($"{prefix}tags {string.Join(", ", missing.Select(t => $"{t.Key}={t.Value}"))}", ct => elb.AddTagsAsync(arn, missing, ct));
    }

    private static IReadOnlyList<string> GroupIds(DesiredLoadBalancer desired) => desired.SecurityGroups.Select(g => g.GroupId).OfType<string>().ToList();

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The ARNs the plan's steps hand to each other (a step creates what a later one refers to).</summary>
    private sealed class Arns
    {
        public string? LoadBalancer { get; set; }

        public string? TargetGroup { get; set; }
    }
}
