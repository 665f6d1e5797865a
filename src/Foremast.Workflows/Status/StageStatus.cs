using Foremast.Core.Plan;

namespace Foremast.Workflows.Status;

/// <summary>One stage of a region in the status document. Times come from the orchestration clock.</summary>
/// <param name="Decision">For a checkpoint that closed: who decided what and when (its latest opening).</param>
public sealed record StageStatus(
    string RefId,
    string Name,
    StageKind Kind,
    string? Env,
    bool IsBranch,
    StageState State,
    DateTime? StartedAt = null,
    DateTime? EndedAt = null,
    string? Error = null,
    CheckpointDecision? Decision = null);
