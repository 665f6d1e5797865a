using System.Text.Json;
using Foremast.Workflows.Status;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Runs;

/// <summary>
/// Who cancelled a run, when, and why. <c>POST /api/runs/{id}/cancel</c> stores it as the terminated instances'
/// output, because a terminated orchestration can no longer update its own custom status.
/// </summary>
/// <param name="By">Null when the run was terminated some other way (an operator's tool), which records no one.</param>
public sealed record RunCancellation(string? By, DateTime At, string? Reason)
{
    /// <summary>The cancellation of a terminated run instance; null for any other runtime status.</summary>
    public static RunCancellation? Of(OrchestrationMetadata instance)
    {
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Terminated) return null;
        var at = instance.LastUpdatedAt.UtcDateTime;
        if (instance.SerializedOutput is not { Length: > 0 } output) return new RunCancellation(null, at, null);
        try
        {
            using var json = JsonDocument.Parse(output);
            return json.RootElement.ValueKind switch
            {
                JsonValueKind.Object => json.RootElement.Deserialize<RunCancellation>(ApiJson.Options) is { } recorded ? recorded with { At = recorded.At == default ? at : recorded.At } : new RunCancellation(null, at, null),
                JsonValueKind.String => new RunCancellation(null, at, json.RootElement.GetString()),
                _ => new RunCancellation(null, at, null),
            };
        }
        catch (JsonException)
        {
            return new RunCancellation(null, at, output);
        }
    }

    /// <summary>
    /// The run's status as it is now: cancelled, ended, every region that was still going cancelled with its open gate
    /// closed (so no approval link is offered for it), stages that never started skipped.
    /// </summary>
    public RunStatus Close(RunStatus status) =>
        status with { State = RunState.Cancelled, EndedAt = status.EndedAt ?? At, Regions = status.Regions.Select(Close).ToList() };

    /// <summary>A region of the cancelled run as it is now (see <see cref="Close(RunStatus)"/>).</summary>
    public RegionStatus Close(RegionStatus region)
    {
        if (RunStatus.IsFinal(region.State)) return region;
        var gate = region.Checkpoint;
        var stages = region.Stages.Select(stage => stage.State switch
        {
            StageState.Pending => stage with { State = StageState.Skipped },
            StageState.Running => stage with { State = StageState.Cancelled, EndedAt = At },
            StageState.WaitingForApproval => stage with
            {
                State = StageState.Cancelled,
                EndedAt = At,
                Decision = new CheckpointDecision(CheckpointVerdict.Cancelled, By, At, Describe(), gate?.ExpiresAt ?? At),
            },
            _ => stage,
        }).ToList();
        return region with { State = RegionState.Cancelled, CurrentStage = null, Checkpoint = null, Stages = stages, Error = region.Error ?? Describe() };
    }

    /// <summary><c>run cancelled by alice: wrong artifact</c>.</summary>
    public string Describe() => "run cancelled" + (By is { Length: > 0 } by ? $" by {by}" : "") + (Reason is { Length: > 0 } reason ? $": {reason}" : "");
}
