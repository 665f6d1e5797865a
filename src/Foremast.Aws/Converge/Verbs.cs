namespace Foremast.Aws.Converge;

/// <summary>The verbs of <see cref="Foremast.Workflows.Activities.Interfaces.ResourceChange"/> (what <c>foremast infra</c> prints).</summary>
public static class Verbs
{
    public const string Created = "created", Updated = "updated", Deleted = "deleted", Unchanged = "unchanged";
    public const string WouldCreate = "would create", WouldUpdate = "would update", WouldDelete = "would delete";
}
