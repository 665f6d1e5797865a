using Foremast.Core.Plan;

namespace Foremast.Workflows.Status;

/// <summary>One stage of a region in the status document. Times come from the orchestration clock.</summary>
/// <param name="Changes">
/// What the stage did, one short line each: <c>&lt;verb&gt; &lt;kind&gt; &lt;name&gt;[: detail]</c> for Infrastructure Setup
/// (<c>would create</c>… in a dry run), the baked image, the server group. Null while the stage has nothing to say.
/// </param>
/// <param name="Decision">For a checkpoint that closed: who decided what and when (its latest opening).</param>
/// <param name="Retries">
/// How many times the stage's failed activity calls were tried again (its retry policy), over all its calls: 1 for a
/// stage whose one call failed once and then succeeded (2 attempts). Recorded when the stage ends; null when none.
/// </param>
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
    IReadOnlyList<string>? Changes = null,
    CheckpointDecision? Decision = null,
    int? Retries = null);
