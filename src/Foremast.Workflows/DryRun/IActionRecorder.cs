using Foremast.Workflows.Activities;

namespace Foremast.Workflows.DryRun;

/// <summary>Where dry-run implementations write what they would have done. Every execution is recorded, re-executions included.</summary>
public interface IActionRecorder
{
    RecordedAction Record(string runId, string region, string? env, string stage, string action, string summary);

    RecordedAction Record(StageRequest request, string action, string summary) =>
        Record(request.RunId, request.Region, request.Env, request.StageName, action, summary);

    IReadOnlyList<RecordedAction> Actions { get; }

    IReadOnlyList<RecordedAction> ForRun(string runId) => Actions.Where(a => a.RunId == runId).ToList();
}
