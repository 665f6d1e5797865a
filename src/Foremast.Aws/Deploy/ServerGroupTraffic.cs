using System.Globalization;
using Foremast.Aws.AutoScaling;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Deploy;

/// <summary>
/// Disabling and enabling a server group, as Spinnaker's red/black with <c>scaleDown: true</c> (what Foremast rendered): out of its
/// load balancers and target groups, <c>AddToLoadBalancer</c> suspended so replacements stay out too, then scaled to 0 with the
/// capacity kept in a tag. Enabling undoes each step. Both only do what is not already so (idempotent).
/// </summary>
internal static class ServerGroupTraffic
{
    private static readonly string[] SuspendedWhileDisabled = ["AddToLoadBalancer"];

    public static bool IsDisabled(AutoScalingGroup group) => group.Tags.ContainsKey(DeployTags.DisabledCapacity);

    public static async Task<IReadOnlyList<ResourceChange>> DisableAsync(AutoScalingClient autoScaling, AutoScalingGroup group, bool dryRun, CancellationToken cancellationToken)
    {
        var name = group.AutoScalingGroupName;
        var steps = new List<string>();
        if (group.LoadBalancerNames.Count > 0) steps.Add($"detached from {string.Join(",", group.LoadBalancerNames)}");
        if (group.TargetGroupARNs.Count > 0) steps.Add("detached from its target groups");
        if (!SuspendedWhileDisabled.All(group.SuspendedProcesses.Contains)) steps.Add("AddToLoadBalancer suspended");
        if (group.DesiredCapacity > 0 || group.MinSize > 0 || group.MaxSize > 0) steps.Add($"scaled from {group.MinSize}/{group.MaxSize}/{group.DesiredCapacity} to 0");
        if (steps.Count == 0) return [new ResourceChange("unchanged", "servergroup", name, "disabled")];
        if (dryRun) return [new ResourceChange("would update", "servergroup", name, "disable: " + string.Join("; ", steps))];

        if (!IsDisabled(group))
        {
            var capacity = string.Join(',', new[] { group.MinSize, group.MaxSize, group.DesiredCapacity }.Select(n => n.ToString(CultureInfo.InvariantCulture)));
            await Run(name, "CreateOrUpdateTags", () => autoScaling.CreateOrUpdateTagsAsync(name, new Dictionary<string, string> { [DeployTags.DisabledCapacity] = capacity }, cancellationToken)).ConfigureAwait(false);
        }

        if (group.LoadBalancerNames.Count > 0) await Run(name, "DetachLoadBalancers", () => autoScaling.DetachLoadBalancersAsync(name, group.LoadBalancerNames, cancellationToken)).ConfigureAwait(false);
        if (group.TargetGroupARNs.Count > 0) await Run(name, "DetachLoadBalancerTargetGroups", () => autoScaling.DetachLoadBalancerTargetGroupsAsync(name, group.TargetGroupARNs, cancellationToken)).ConfigureAwait(false);
        if (!SuspendedWhileDisabled.All(group.SuspendedProcesses.Contains)) await Run(name, "SuspendProcesses", () => autoScaling.SuspendProcessesAsync(name, SuspendedWhileDisabled, cancellationToken)).ConfigureAwait(false);
        if (group.DesiredCapacity > 0 || group.MinSize > 0 || group.MaxSize > 0) await Run(name, "UpdateAutoScalingGroup", () => autoScaling.UpdateCapacityAsync(name, 0, 0, 0, cancellationToken)).ConfigureAwait(false);
        return [new ResourceChange("updated", "servergroup", name, "disabled: " + string.Join("; ", steps))];
    }

    public static async Task<IReadOnlyList<ResourceChange>> EnableAsync(AutoScalingClient autoScaling, AutoScalingGroup group, TrafficTargets traffic, CancellationToken cancellationToken)
    {
        var name = group.AutoScalingGroupName;
        var steps = new List<string>();
        var missingLbs = traffic.LoadBalancerNames.Except(group.LoadBalancerNames).ToList();
        var missingTgs = traffic.TargetGroupArns.Except(group.TargetGroupARNs).ToList();
        if (group.Tags.TryGetValue(DeployTags.DisabledCapacity, out var saved) && Capacity(saved) is var (min, max, desired))
        {
            await Run(name, "UpdateAutoScalingGroup", () => autoScaling.UpdateCapacityAsync(name, min, max, desired, cancellationToken)).ConfigureAwait(false);
            steps.Add($"scaled back to {min}/{max}/{desired}");
        }

        if (group.SuspendedProcesses.Intersect(SuspendedWhileDisabled).Any())
        {
            await Run(name, "ResumeProcesses", () => autoScaling.ResumeProcessesAsync(name, SuspendedWhileDisabled, cancellationToken)).ConfigureAwait(false);
            steps.Add("AddToLoadBalancer resumed");
        }

        if (missingLbs.Count > 0)
        {
            await Run(name, "AttachLoadBalancers", () => autoScaling.AttachLoadBalancersAsync(name, missingLbs, cancellationToken)).ConfigureAwait(false);
            steps.Add($"attached to {string.Join(",", missingLbs)}");
        }

        if (missingTgs.Count > 0)
        {
            await Run(name, "AttachLoadBalancerTargetGroups", () => autoScaling.AttachLoadBalancerTargetGroupsAsync(name, missingTgs, cancellationToken)).ConfigureAwait(false);
            steps.Add("attached to its target group");
        }

        if (group.Tags.ContainsKey(DeployTags.DisabledCapacity))
            await Run(name, "DeleteTags", () => autoScaling.DeleteTagsAsync(name, [DeployTags.DisabledCapacity], cancellationToken)).ConfigureAwait(false);
        return steps.Count == 0
            ? [new ResourceChange("unchanged", "servergroup", name, "serving")]
            : [new ResourceChange("updated", "servergroup", name, "enabled: " + string.Join("; ", steps))];
    }

    private static (int, int, int)? Capacity(string saved)
    {
        var parts = saved.Split(',');
        return parts.Length == 3 && parts.All(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            ? (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture))
            : null;
    }

    private static Task Run(string group, string operation, Func<Task> call) => AwsCalls.RunAsync($"server group {group}", operation, call);
}
