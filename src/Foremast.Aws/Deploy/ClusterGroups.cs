using Foremast.Aws.AutoScaling;

namespace Foremast.Aws.Deploy;

/// <summary>The app's server groups in one account and region: groups tagged <c>app_name</c> with the cluster's name pattern, newest first.</summary>
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
}
