using System.Diagnostics;
using System.Text.Json;
using Foremast.Workflows.Status;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Approvals;

public enum ConfirmationState
{
    /// <summary>The checkpoint took this request's decision.</summary>
    Taken,

    /// <summary>The checkpoint closed with something else: another request's decision, its expiry, or a cancellation.</summary>
    Superseded,

    /// <summary>The region instance ended (the run was cancelled) with the gate still open: no decision was taken.</summary>
    Ended,

    /// <summary>Nothing recorded within the wait: the event may still be taken later, or may not.</summary>
    Unconfirmed,
}

/// <param name="Recorded">What the checkpoint recorded, when it closed.</param>
public sealed record Confirmation(ConfirmationState State, CheckpointDecision? Recorded);

/// <summary>
/// Waits for the checkpoint to record which decision it took. Every request that found the gate open raises its
/// event, but the orchestration takes only the first one it dequeues; the winning decision id in the region status is
/// the only source that can say whose decision counted.
/// </summary>
public static class DecisionConfirmation
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(500);

    public static async Task<Confirmation> WaitAsync(
        DurableTaskClient client, OpenCheckpoint gate, string decisionId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = FirstPoll;
        while (true)
        {
            var region = await client.GetInstanceAsync(gate.InstanceId, getInputsAndOutputs: true, cancellationToken);
            if (RecordedFor(region, gate) is { } recorded)
            {
                return new Confirmation(recorded.DecisionId == decisionId ? ConfirmationState.Taken : ConfirmationState.Superseded, recorded);
            }

            if (region is null || region.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended))
            {
                return new Confirmation(ConfirmationState.Ended, null);
            }

            var left = wait - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero) return new Confirmation(ConfirmationState.Unconfirmed, null);
            await Task.Delay(delay < left ? delay : left, cancellationToken);
            delay = delay * 2 < MaxPoll ? delay * 2 : MaxPoll;
        }
    }

    /// <summary>The close of this opening of the gate: same stage, same expiry.</summary>
    private static CheckpointDecision? RecordedFor(OrchestrationMetadata? region, OpenCheckpoint gate)
    {
        if (region?.SerializedCustomStatus is null) return null;
        RegionStatus? status;
        try
        {
            status = region.ReadCustomStatusAs<RegionStatus>();
        }
        catch (JsonException)
        {
            return null;
        }

        return status?.Stages
            .Select(s => s.Name == gate.Stage ? s.Decision : null)
            .FirstOrDefault(d => d is not null && Math.Abs((d.ExpiresAt - gate.ExpiresAt).TotalMilliseconds) < 1);
    }
}
