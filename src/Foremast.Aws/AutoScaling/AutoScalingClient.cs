using Foremast.Aws.Http;

namespace Foremast.Aws.AutoScaling;

/// <summary>
/// The Auto Scaling calls of the deploy and the scaling stage over the Query client (AutoScaling 2011-01-01; no SDK package on
/// the feed). Method names and shapes follow AWSSDK.AutoScaling so a switch to it touches this folder only.
/// </summary>
public sealed class AutoScalingClient(AwsQueryClient query)
{
    /// <summary>Every group carrying the tag (all pages).</summary>
    public async Task<IReadOnlyList<AutoScalingGroup>> DescribeAutoScalingGroupsByTagAsync(string key, string value, CancellationToken cancellationToken)
    {
        var result = new List<AutoScalingGroup>();
        string? token = null;
        do
        {
            var q = new QueryParameters().Set("Filters.member.1.Name", "tag:" + key).Set("Filters.member.1.Values.member.1", value).Set("MaxRecords", 100).Set("NextToken", token);
            var page = await query.CallAsync("DescribeAutoScalingGroups", q, cancellationToken).ConfigureAwait(false);
            result.AddRange(page.Members("AutoScalingGroups").Select(AutoScalingGroup.Parse));
            token = page.Value("NextToken") is { Length: > 0 } next ? next : null;
        }
        while (token is not null);
        return result;
    }

    public async Task<AutoScalingGroup?> DescribeAutoScalingGroupAsync(string name, CancellationToken cancellationToken)
    {
        var page = await query.CallAsync("DescribeAutoScalingGroups", new QueryParameters().List("AutoScalingGroupNames.member", [name]), cancellationToken).ConfigureAwait(false);
        return page.Members("AutoScalingGroups").Select(AutoScalingGroup.Parse).FirstOrDefault(g => g.AutoScalingGroupName == name);
    }

    public Task CreateAutoScalingGroupAsync(CreateAutoScalingGroupRequest r, CancellationToken cancellationToken)
    {
        var q = new QueryParameters()
            .Set("AutoScalingGroupName", r.AutoScalingGroupName)
            .Set("LaunchTemplate.LaunchTemplateId", r.LaunchTemplateId)
            .Set("LaunchTemplate.Version", "$Latest")
            .Set("MinSize", r.MinSize)
            .Set("MaxSize", r.MaxSize)
            .Set("DesiredCapacity", r.DesiredCapacity)
            .Set("VPCZoneIdentifier", string.Join(',', r.SubnetIds))
            .Set("HealthCheckType", r.HealthCheckType)
            .Set("HealthCheckGracePeriod", r.HealthCheckGracePeriod)
            .Set("DefaultCooldown", r.DefaultCooldown)
            .List("LoadBalancerNames.member", r.LoadBalancerNames)
            .List("TargetGroupARNs.member", r.TargetGroupARNs)
            .List("TerminationPolicies.member", r.TerminationPolicies ?? ["Default"])
            .List("Tags.member", r.Tags, (p, prefix, t) => p
                .Set(prefix + "Key", t.Key).Set(prefix + "Value", t.Value).Set(prefix + "PropagateAtLaunch", true)
                .Set(prefix + "ResourceId", r.AutoScalingGroupName).Set(prefix + "ResourceType", "auto-scaling-group"));
        return query.CallAsync("CreateAutoScalingGroup", q, cancellationToken);
    }

    public Task DeleteAutoScalingGroupAsync(string name, CancellationToken cancellationToken) =>
        query.CallAsync("DeleteAutoScalingGroup", new QueryParameters().Set("AutoScalingGroupName", name).Set("ForceDelete", true), cancellationToken);

    public Task UpdateCapacityAsync(string name, int min, int max, int desired, CancellationToken cancellationToken) =>
        query.CallAsync("UpdateAutoScalingGroup", new QueryParameters().Set("AutoScalingGroupName", name).Set("MinSize", min).Set("MaxSize", max).Set("DesiredCapacity", desired), cancellationToken);

    public Task SuspendProcessesAsync(string name, IEnumerable<string> processes, CancellationToken cancellationToken) =>
        query.CallAsync("SuspendProcesses", new QueryParameters().Set("AutoScalingGroupName", name).List("ScalingProcesses.member", processes), cancellationToken);

    public Task ResumeProcessesAsync(string name, IEnumerable<string> processes, CancellationToken cancellationToken) =>
        query.CallAsync("ResumeProcesses", new QueryParameters().Set("AutoScalingGroupName", name).List("ScalingProcesses.member", processes), cancellationToken);

    public Task AttachLoadBalancersAsync(string name, IEnumerable<string> loadBalancers, CancellationToken cancellationToken) =>
        query.CallAsync("AttachLoadBalancers", new QueryParameters().Set("AutoScalingGroupName", name).List("LoadBalancerNames.member", loadBalancers), cancellationToken);

    public Task DetachLoadBalancersAsync(string name, IEnumerable<string> loadBalancers, CancellationToken cancellationToken) =>
        query.CallAsync("DetachLoadBalancers", new QueryParameters().Set("AutoScalingGroupName", name).List("LoadBalancerNames.member", loadBalancers), cancellationToken);

    public Task AttachLoadBalancerTargetGroupsAsync(string name, IEnumerable<string> arns, CancellationToken cancellationToken) =>
        query.CallAsync("AttachLoadBalancerTargetGroups", new QueryParameters().Set("AutoScalingGroupName", name).List("TargetGroupARNs.member", arns), cancellationToken);

    public Task DetachLoadBalancerTargetGroupsAsync(string name, IEnumerable<string> arns, CancellationToken cancellationToken) =>
        query.CallAsync("DetachLoadBalancerTargetGroups", new QueryParameters().Set("AutoScalingGroupName", name).List("TargetGroupARNs.member", arns), cancellationToken);

    public Task CreateOrUpdateTagsAsync(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        query.CallAsync("CreateOrUpdateTags", new QueryParameters().List("Tags.member", tags, (p, prefix, t) => p
            .Set(prefix + "Key", t.Key).Set(prefix + "Value", t.Value).Set(prefix + "PropagateAtLaunch", false)
            .Set(prefix + "ResourceId", name).Set(prefix + "ResourceType", "auto-scaling-group")), cancellationToken);

    public Task DeleteTagsAsync(string name, IEnumerable<string> keys, CancellationToken cancellationToken) =>
        query.CallAsync("DeleteTags", new QueryParameters().List("Tags.member", keys, (p, prefix, k) => p
            .Set(prefix + "Key", k).Set(prefix + "ResourceId", name).Set(prefix + "ResourceType", "auto-scaling-group")), cancellationToken);
}
