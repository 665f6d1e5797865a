using Foremast.Workflows.DryRun;

namespace Foremast.Local.DryRun;

/// <summary>One line of the actions log: a recorded dry-run action plus which engine executed it, and when.</summary>
/// <param name="Worker">The engine's worker id, so a scale-out run shows which engine did what.</param>
public sealed record ActionLogEntry(long Sequence, DateTime At, string Worker, string RunId, string Region, string? Env, string Stage, string Action, string Summary)
{
    public static ActionLogEntry From(RecordedAction a, string worker, DateTime at) =>
        new(a.Sequence, at, worker, a.RunId, a.Region, a.Env, a.Stage, a.Action, a.Summary);

    public RecordedAction ToRecordedAction() => new(Sequence, RunId, Region, Env, Stage, Action, Summary);

    /// <inheritdoc cref="RecordedAction.Key"/>
    public string Key => ToRecordedAction().Key;
}
