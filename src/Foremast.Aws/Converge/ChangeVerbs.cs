using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Converge;

/// <summary>The verbs of <see cref="ResourceChange"/>: what was done, or in a dry run what would be done.</summary>
public static class ChangeVerbs
{
    public const string Unchanged = "unchanged";

    public static string Created(bool dryRun) => dryRun ? "would create" : "created";

    public static string Updated(bool dryRun) => dryRun ? "would update" : "updated";

    public static string Deleted(bool dryRun) => dryRun ? "would delete" : "deleted";
}
