namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>What a finished stage reports.</summary>
/// <param name="Lines">Short lines for the stage's status, e.g. <c>created securitygroup webshop: ingress tcp/80</c>.</param>
/// <param name="Checkpoint">A gate's decision; null for other stages and for a gate a failed branch cancelled.</param>
public sealed record StageOutput(IReadOnlyList<string> Lines, CheckpointRecord? Checkpoint = null)
{
    public static readonly StageOutput None = new([]);
}
