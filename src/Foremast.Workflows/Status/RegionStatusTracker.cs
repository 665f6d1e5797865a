using Foremast.Core.Plan;

namespace Foremast.Workflows.Status;

/// <summary>
/// The mutable side of <see cref="RegionStatus"/>, owned by one orchestration. Callers pass the orchestration clock,
/// so replays rebuild exactly the same document.
/// </summary>
public sealed class RegionStatusTracker(string region, string instanceId, IEnumerable<PlannedStage> stages)
{
    private readonly List<StageStatus> _stages = stages
        .Select(s => new StageStatus(s.RefId, s.Name, s.Kind, s.Env, s.IsBranch, StageState.Pending))
        .ToList();

    private RegionState _state = RegionState.Pending;
    private OpenCheckpoint? _checkpoint;
    private string? _error;
    private List<NotificationFailure>? _notificationFailures;

    public void Started(string refId, DateTime now)
    {
        _state = RegionState.Running;
        Update(refId, s => s with { State = StageState.Running, StartedAt = now });
    }

    /// <param name="retries">How many times the stage's failed activity calls were tried again.</param>
    public void Succeeded(string refId, DateTime now, IReadOnlyList<string>? changes = null, int retries = 0) =>
        Update(refId, s => s with { State = StageState.Succeeded, EndedAt = now, Changes = Lines(changes), Retries = Count(retries) });

    /// <param name="changes">What the stage had done before it failed (an infrastructure phase that completed), so it stays visible.</param>
    public void Failed(string refId, DateTime now, string error, IReadOnlyList<string>? changes = null, int retries = 0) =>
        Update(refId, s => s with { State = StageState.Failed, EndedAt = now, Error = error, Changes = Lines(changes), Retries = Count(retries) });

    public void CheckpointOpened(string refId, OpenCheckpoint checkpoint)
    {
        _state = RegionState.WaitingForApproval;
        _checkpoint = checkpoint;
        Update(refId, s => s with { State = StageState.WaitingForApproval, StartedAt = checkpoint.OpenedAt });
    }

    public void CheckpointClosed(string refId, DateTime now, bool approved, string? note, CheckpointDecision? decision = null)
    {
        _state = RegionState.Running;
        _checkpoint = null;
        Update(refId, s => s with { State = approved ? StageState.Succeeded : StageState.Stopped, EndedAt = now, Error = approved ? null : note, Decision = decision });
    }

    /// <summary>Keeps notifications that failed after their retries on the region, where the status shows them.</summary>
    public void NotificationsFailed(IReadOnlyList<NotificationFailure> failures)
    {
        if (failures.Count > 0) (_notificationFailures ??= []).AddRange(failures);
    }

    /// <summary>Ends the region; stages that never started become <see cref="StageState.Skipped"/>.</summary>
    public void Finished(RegionState state, string? error = null)
    {
        _state = state;
        _error = error;
        _checkpoint = null;
        for (var i = 0; i < _stages.Count; i++)
        {
            if (_stages[i].State == StageState.Pending) _stages[i] = _stages[i] with { State = StageState.Skipped };
        }
    }

    public RegionStatus Snapshot()
    {
        var running = _stages.Where(s => s.State is StageState.Running or StageState.WaitingForApproval).ToList();
        var current = running.FirstOrDefault(s => !s.IsBranch) ?? running.FirstOrDefault();
        return new RegionStatus(region, instanceId, _state, current?.Name, _stages.ToList(), _checkpoint, _error, _notificationFailures?.ToList());
    }

    /// <summary>Null rather than 0, so stages that were never retried keep the status document as it was.</summary>
    private static int? Count(int retries) => retries > 0 ? retries : null;

    private static IReadOnlyList<string>? Lines(IReadOnlyList<string>? changes) => changes is { Count: > 0 } ? changes.ToList() : null;

    private void Update(string refId, Func<StageStatus, StageStatus> change)
    {
        var index = _stages.FindIndex(s => s.RefId == refId);
        if (index >= 0) _stages[index] = change(_stages[index]);
    }
}
