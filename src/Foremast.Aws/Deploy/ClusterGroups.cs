using Foremast.Aws.AutoScaling;

namespace Foremast.Aws.Deploy;

/// <summary>
/// The app's server groups in one account and region: groups tagged <c>app_name</c> with the cluster's name pattern, newest
/// first. Names are unique per account and region, so numbering looks at all of them; but when envs share an account (one
/// moto, or accounts mapped to the same profile) a strategy, rollback or scaling only touches the groups of its own env.
/// </summary>
internal static class ClusterGroups
{
    public static async Task<List<AutoScalingGroup>> ListAsync(AutoScalingClient autoScaling, string app, CancellationToken cancellationToken)
    {
        var groups = await AwsCalls.RunAsync($"server groups of {app}", "DescribeAutoScalingGroups", () =>
            autoScaling.DescribeAutoScalingGroupsByTagAsync("app_name", app, cancellationToken)).ConfigureAwait(false);
        return groups
            .Where(g => ServerGroupNames.Sequence(app, g.AutoScalingGroupName) is not null && !g.BeingDeleted)
            .OrderByDescending(g => ServerGroupNames.Sequence(app, g.AutoScalingGroupName))
            .ToList();
    }

    /// <summary>Groups this env deployed, and groups without the env tag (made by Spinnaker, whose account was the env).</summary>
    public static List<AutoScalingGroup> OfEnv(IEnumerable<AutoScalingGroup> cluster, string env) =>
        cluster.Where(g => !g.Tags.TryGetValue(DeployTags.Env, out var tagged) || tagged == env).ToList();
}
