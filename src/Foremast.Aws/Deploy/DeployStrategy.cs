using Foremast.Aws.AutoScaling;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Deploy;

/// <summary>
/// What happens to the cluster's older groups once the new one is healthy: <c>highlander</c> deletes them all; <c>redblack</c>
/// keeps at most <c>maxRemainingAsgs</c> groups (the new one included), deleting the oldest, and disables the rest
/// (<see cref="ServerGroupTraffic"/>). Converges: a second application changes nothing.
/// </summary>
internal static class DeployStrategy
{
    public static readonly string[] Supported = [DeploySettings.Highlander, DeploySettings.RedBlack];

    public static async Task<IReadOnlyList<ResourceChange>> ApplyAsync(
        AwsSession session, AutoScalingClient autoScaling, DeploySettings settings, string newGroup, IReadOnlyList<AutoScalingGroup> cluster, bool dryRun, CancellationToken cancellationToken)
    {
        // Newest first; only groups older than the new one (a later run's group is not ours to touch).
        var older = cluster.SkipWhile(g => g.AutoScalingGroupName != newGroup).Skip(1).ToList();
        var changes = new List<ResourceChange>();
        var keep = settings.DeployStrategy == DeploySettings.RedBlack ? Math.Max(0, settings.MaxRemainingAsgs - 1) : 0;
        foreach (var group in older.Skip(keep)) changes.Add(await DeleteAsync(session, autoScaling, group.AutoScalingGroupName, dryRun, cancellationToken).ConfigureAwait(false));
        foreach (var group in older.Take(keep)) changes.AddRange(await ServerGroupTraffic.DisableAsync(autoScaling, group, dryRun, cancellationToken).ConfigureAwait(false));
        return changes;
    }

    /// <summary>Deletes a group (instances included) and its launch template.</summary>
    public static async Task<ResourceChange> DeleteAsync(AwsSession session, AutoScalingClient autoScaling, string group, bool dryRun, CancellationToken cancellationToken)
    {
        if (dryRun) return new ResourceChange("would delete", "servergroup", group);
        await AwsCalls.RunAsync($"server group {group}", "DeleteAutoScalingGroup", () => autoScaling.DeleteAutoScalingGroupAsync(group, cancellationToken)).ConfigureAwait(false);
        await LaunchTemplates.DeleteIfPresentAsync(session, group, cancellationToken).ConfigureAwait(false);
        return new ResourceChange("deleted", "servergroup", group);
    }
}
