namespace Foremast.Workflows.DryRun;

/// <summary>One intended action of a dry run, with a readable summary of its inputs.</summary>
/// <param name="Sequence">Global order of recording, so tests can check the order of stages.</param>
public sealed record RecordedAction(long Sequence, string RunId, string Region, string? Env, string Stage, string Action, string Summary)
{
    /// <summary>Identifies the action, not the execution: two records with one key mean the activity ran twice.</summary>
    public string Key => $"{RunId}/{Region}/{Stage}/{Action}";
}
