namespace Foremast.Workflows.DryRun;

/// <summary>Thread-safe: activities of parallel regions record at the same time.</summary>
public sealed class InMemoryActionRecorder : IActionRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RecordedAction> _actions = [];

    public RecordedAction Record(string runId, string region, string? env, string stage, string action, string summary)
    {
        lock (_gate)
        {
            var recorded = new RecordedAction(_actions.Count + 1, runId, region, env, stage, action, summary);
            _actions.Add(recorded);
            return recorded;
        }
    }

    public IReadOnlyList<RecordedAction> Actions
    {
        get
        {
            lock (_gate) return _actions.ToList();
        }
    }
}
