using Foremast.Aws.Converge;
using Foremast.Aws.LoadBalancers.Desired;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>
/// Converges Foremast's classic ELB: reads the load balancer, its attributes and tags, plans one change per difference
/// (listeners, certificates, health check, attributes, stickiness and listener/back-end policies, subnets, security groups,
/// tags) and applies only those. A load balancer that does not exist yet is planned against the state AWS gives a new one.
/// </summary>
public sealed class ClassicLoadBalancerConverger
{
    /// <summary>What <c>CreateLoadBalancer</c> leaves: AWS's API defaults (the console's cross-zone default does not apply).</summary>
    private static readonly LoadBalancerAttributes NewAttributes = new(false, new ClassicAccessLog(false), new ClassicConnectionDraining(false), 60);

    public async Task<ResourceChange> ConvergeAsync(DesiredLoadBalancer desired, AwsSession session, bool dryRun, CancellationToken cancellationToken)
    {
        var elb = new ClassicElbClient(session.Elb);
        var plan = new ChangePlan(ResourceKinds.LoadBalancer, desired.Name);
        var live = await elb.DescribeLoadBalancerAsync(desired.Name, cancellationToken).ConfigureAwait(false);
        if (live is null)
        {
            PlanCreate(plan, elb, desired);
            var created = AsCreated(desired);
            PlanUpdates(plan, elb, desired, created, NewAttributes, desired.Tags);
            return await plan.ApplyAsync(dryRun, created: true, cancellationToken).ConfigureAwait(false);
        }

        if (!string.Equals(live.Scheme, desired.Scheme, StringComparison.Ordinal))
        {
            throw new AwsOperationException(
                $"{plan.Kind} {desired.Name}: the load balancer is {live.Scheme} but elb.subnet_purpose asks for {desired.Scheme}; AWS cannot change a scheme: " +
                "delete the load balancer (and its DNS records) and run again");
        }

        var attributes = await elb.DescribeLoadBalancerAttributesAsync(desired.Name, cancellationToken).ConfigureAwait(false);
        var tags = await elb.DescribeTagsAsync(desired.Name, cancellationToken).ConfigureAwait(false);
        PlanUpdates(plan, elb, desired, live, attributes, tags);
        return await plan.ApplyAsync(dryRun, created: false, cancellationToken).ConfigureAwait(false);
    }

    private static void PlanCreate(ChangePlan plan, ClassicElbClient elb, DesiredLoadBalancer desired)
    {
        var listeners = desired.Listeners.Select(ToClassic).ToList();
        plan.Add(
            $"{desired.Scheme} load balancer with listeners {string.Join(", ", desired.Listeners)} in {string.Join(", ", desired.Subnets)}, security groups {string.Join(", ", desired.SecurityGroups.Select(g => g.Name))}",
            ct => elb.CreateLoadBalancerAsync(desired.Name, listeners, desired.Subnets, GroupIds(desired), desired.Internal, desired.Tags, ct));
    }

    /// <summary>The description of the load balancer right after <see cref="PlanCreate"/>: its listeners, nothing else.</summary>
    private static LoadBalancerDescription AsCreated(DesiredLoadBalancer desired) => new(
        desired.Name, "", null, desired.Scheme, desired.VpcId, desired.Subnets, GroupIds(desired),
        desired.Listeners.Select(l => new ClassicListenerDescription(ToClassic(l), [])).ToList(), [], ClassicPolicies.None, null);

    private static void PlanUpdates(
        ChangePlan plan, ClassicElbClient elb, DesiredLoadBalancer desired, LoadBalancerDescription live, LoadBalancerAttributes attributes, IReadOnlyDictionary<string, string> tags)
    {
        var name = desired.Name;
        PlanSubnets(plan, elb, desired, live);
        PlanSecurityGroups(plan, elb, desired, live);
        var fresh = PlanListeners(plan, elb, desired, live);
        PlanHealthCheck(plan, elb, desired, live);
        PlanAttributes(plan, elb, desired, attributes);
        PlanPolicies(plan, elb, desired, live, fresh);
        var missing = desired.Tags.Where(t => !tags.TryGetValue(t.Key, out var v) || v != t.Value).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            plan.Add($"tags {string.Join(", ", missing.Select(t => $"{t.Key}={t.Value}"))}", ct => elb.AddTagsAsync(name, missing, ct));
        }
    }

    private static void PlanSubnets(ChangePlan plan, ClassicElbClient elb, DesiredLoadBalancer desired, LoadBalancerDescription live)
    {
        var attach = desired.Subnets.Except(live.Subnets, StringComparer.Ordinal).ToList();
        var detach = live.Subnets.Except(desired.Subnets, StringComparer.Ordinal).ToList();
        if (attach.Count > 0) plan.Add($"subnets {string.Join(", ", attach)} attached", ct => elb.AttachLoadBalancerToSubnetsAsync(desired.Name, attach, ct));
        if (detach.Count > 0) plan.Add($"subnets {string.Join(", ", detach)} detached", ct => elb.DetachLoadBalancerFromSubnetsAsync(desired.Name, detach, ct));
    }

    private static void PlanSecurityGroups(ChangePlan plan, ClassicElbClient elb, DesiredLoadBalancer desired, LoadBalancerDescription live)
    {
        var unresolved = desired.SecurityGroups.Any(g => g.GroupId is null);
        if (!unresolved && GroupIds(desired).ToHashSet(StringComparer.Ordinal).SetEquals(live.SecurityGroups)) return;
        plan.Add(
            $"security groups {string.Join(", ", live.SecurityGroups)} → {string.Join(", ", desired.SecurityGroups.Select(g => g.GroupId ?? g.Name))}",
            ct => elb.ApplySecurityGroupsToLoadBalancerAsync(desired.Name, GroupIds(desired), ct));
    }

    /// <returns>The load balancer ports whose listener is (re)created, so their policies are set afresh.</returns>
    private static HashSet<int> PlanListeners(ChangePlan plan, ClassicElbClient elb, DesiredLoadBalancer desired, LoadBalancerDescription live)
    {
        var name = desired.Name;
        var fresh = new HashSet<int>();
        var liveByPort = live.ListenerDescriptions.ToDictionary(l => l.Listener.LoadBalancerPort);
        var desiredPorts = desired.Listeners.Select(l => l.LoadBalancer.Port).ToHashSet();
        foreach (var gone in live.ListenerDescriptions.Where(l => !desiredPorts.Contains(l.Listener.LoadBalancerPort)))
        {
            var port = gone.Listener.LoadBalancerPort;
            plan.Add($"listener {gone.Listener} removed", ct => elb.DeleteLoadBalancerListenersAsync(name, [port], ct));
        }

        foreach (var want in desired.Listeners)
        {
            var listener = ToClassic(want);
            if (!liveByPort.TryGetValue(want.LoadBalancer.Port, out var have))
            {
                fresh.Add(want.LoadBalancer.Port);
                plan.Add($"listener {want} added", ct => elb.CreateLoadBalancerListenersAsync(name, [listener], ct));
            }
            else if (!SameRoute(have.Listener, want))
            {
                fresh.Add(want.LoadBalancer.Port);
                plan.Add($"listener {have.Listener} → {want}", async ct =>
                {
                    await elb.DeleteLoadBalancerListenersAsync(name, [want.LoadBalancer.Port], ct).ConfigureAwait(false);
                    await elb.CreateLoadBalancerListenersAsync(name, [listener], ct).ConfigureAwait(false);
                });
            }
            else if (!string.Equals(have.Listener.SSLCertificateId, want.CertificateId, StringComparison.Ordinal) && want.CertificateId is { } certificate)
            {
                plan.Add(
                    $"listener {want.LoadBalancer} certificate {have.Listener.SSLCertificateId ?? "none"} → {certificate}",
                    ct => elb.SetLoadBalancerListenerSSLCertificateAsync(name, want.LoadBalancer.Port, certificate, ct));
            }
        }

        return fresh;
    }

    /// <summary>
    /// Same protocols and ports. moto reports a classic listener's front-end protocol as its instance protocol, so a live
    /// HTTPS→HTTPS (SSL→SSL) listener also matches a configured HTTPS→HTTP (SSL→TCP) one; on AWS that combination means
    /// re-encryption towards the instances, which Foremast's configs do not use.
    /// </summary>
    private static bool SameRoute(ClassicListener live, DesiredListener want) =>
        live.Protocol == want.LoadBalancer.Protocol
        && live.InstancePort == want.Instance.Port
        && (live.InstanceProtocol == want.Instance.Protocol || (live.InstanceProtocol == live.Protocol && IsPlainOf(want.Instance.Protocol, live.Protocol)));

    private static bool IsPlainOf(string plain, string tls) => (plain, tls) is ("HTTP", "HTTPS") or ("TCP", "SSL");

    private static void PlanHealthCheck(ChangePlan plan, ClassicElbClient elb, DesiredLoadBalancer desired, LoadBalancerDescription live)
    {
        var want = desired.HealthCheck;
        var check = new ClassicHealthCheck(want.Target, want.Interval, want.Timeout, want.UnhealthyThreshold, want.HealthyThreshold);
        if (live.HealthCheck == check) return;
        plan.Add($"health check {live.HealthCheck?.ToString() ?? "none"} → {check}", ct => elb.ConfigureHealthCheckAsync(desired.Name, check, ct));
    }

    private static void PlanAttributes(ChangePlan plan, ClassicElbClient elb, DesiredLoadBalancer desired, LoadBalancerAttributes live)
    {
        var log = desired.AccessLog.Enabled
            ? new ClassicAccessLog(true, desired.AccessLog.BucketName, desired.AccessLog.EmitInterval, desired.AccessLog.BucketPrefix)
            : new ClassicAccessLog(false);
        var draining = desired.DrainingTimeout is { } timeout ? new ClassicConnectionDraining(true, timeout) : new ClassicConnectionDraining(false);
        var want = new LoadBalancerAttributes(true, log, draining, desired.IdleTimeout);
        var differences = new List<string>();
        if (live.CrossZoneLoadBalancing != want.CrossZoneLoadBalancing) differences.Add("cross-zone on");
        if (live.IdleTimeout != want.IdleTimeout) differences.Add($"idle timeout {live.IdleTimeout}s → {want.IdleTimeout}s");
        if (live.ConnectionDraining.Enabled != draining.Enabled || (draining.Enabled && live.ConnectionDraining.Timeout != draining.Timeout))
        {
            differences.Add($"connection draining {live.ConnectionDraining} → {draining}");
        }

        if (live.AccessLog.Enabled != log.Enabled || (log.Enabled && live.AccessLog != log)) differences.Add($"access log {live.AccessLog} → {log}");
        if (differences.Count == 0) return;
        plan.Add(string.Join(", ", differences), ct => elb.ModifyLoadBalancerAttributesAsync(desired.Name, want, ct));
    }

    private static void PlanPolicies(ChangePlan plan, ClassicElbClient elb, DesiredLoadBalancer desired, LoadBalancerDescription live, HashSet<int> fresh)
    {
        var name = desired.Name;
        foreach (var stickiness in desired.Listeners.Select(l => l.Stickiness).OfType<DesiredStickiness>().DistinctBy(s => s.PolicyName))
        {
            if (live.Policies.Contains(stickiness.PolicyName)) continue;
            plan.Add(
                $"stickiness policy {stickiness.PolicyName} created",
                stickiness.Type == "app"
                    ? ct => elb.CreateAppCookieStickinessPolicyAsync(name, stickiness.PolicyName, stickiness.CookieName ?? "", ct)
                    : ct => elb.CreateLBCookieStickinessPolicyAsync(name, stickiness.PolicyName, stickiness.CookieTtl, ct));
        }

        var liveByPort = live.ListenerDescriptions.ToDictionary(l => l.Listener.LoadBalancerPort);
        foreach (var listener in desired.Listeners)
        {
            var want = listener.AllListenerPolicies;
            IReadOnlyList<string> have = !fresh.Contains(listener.LoadBalancer.Port) && liveByPort.TryGetValue(listener.LoadBalancer.Port, out var l) ? l.PolicyNames : [];
            if (want.ToHashSet(StringComparer.Ordinal).SetEquals(have)) continue;
            var port = listener.LoadBalancer.Port;
            plan.Add($"listener {listener.LoadBalancer} policies [{string.Join(", ", have)}] → [{string.Join(", ", want)}]", ct => elb.SetLoadBalancerPoliciesOfListenerAsync(name, port, want, ct));
        }

        var backendWant = desired.Listeners.GroupBy(l => l.Instance.Port)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.SelectMany(l => l.BackendPolicies).Distinct(StringComparer.Ordinal).ToList());
        var backendHave = live.BackendServerDescriptions.ToDictionary(b => b.InstancePort, b => b.PolicyNames);
        foreach (var port in backendWant.Keys.Union(backendHave.Keys).Order())
        {
            var want = backendWant.GetValueOrDefault(port) ?? [];
            var have = backendHave.GetValueOrDefault(port) ?? [];
            if (want.ToHashSet(StringComparer.Ordinal).SetEquals(have)) continue;
            plan.Add($"back-end port {port} policies [{string.Join(", ", have)}] → [{string.Join(", ", want)}]", ct => elb.SetLoadBalancerPoliciesForBackendServerAsync(name, port, want, ct));
        }

        // Stickiness policies carry their settings in their name, so a changed or removed stickiness leaves one of ours unused;
        // it goes after the listeners stopped using it (AWS refuses to delete a policy in use). Other policies are not ours.
        var wanted = desired.Listeners.Select(l => l.Stickiness?.PolicyName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var ours = live.Policies.AppCookieStickinessPolicies.Select(p => p.PolicyName).Concat(live.Policies.LBCookieStickinessPolicies.Select(p => p.PolicyName))
            .Where(p => p.StartsWith($"{name}-app-", StringComparison.Ordinal) || p.StartsWith($"{name}-elb-", StringComparison.Ordinal));
        foreach (var stale in ours.Where(p => !wanted.Contains(p)).Distinct(StringComparer.Ordinal))
        {
            plan.Add($"stickiness policy {stale} deleted", ct => elb.DeleteLoadBalancerPolicyAsync(name, stale, ct));
        }
    }

    private static ClassicListener ToClassic(DesiredListener l) => new(l.LoadBalancer.Protocol, l.LoadBalancer.Port, l.Instance.Protocol, l.Instance.Port, l.CertificateId);

    private static IReadOnlyList<string> GroupIds(DesiredLoadBalancer desired) => desired.SecurityGroups.Select(g => g.GroupId).OfType<string>().ToList();
}
