using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Deploy;

/// <summary>The outcome of a rollback.</summary>
/// <param name="Previous">The group that keeps (or got back) the traffic; null when the cluster had no other group.</param>
/// <param name="Message">The stage's failure line: the new group, the reason, and who serves now.</param>
public sealed record DeployRollback(string ServerGroup, string? Previous, IReadOnlyList<ResourceChange> Changes, string Message);
