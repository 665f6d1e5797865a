using System.Text.Json;
using Foremast.Api.Runs;
using Foremast.Core.Plan;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Approvals;

public enum CheckpointState
{
    /// <summary>Waiting for this token's decision now.</summary>
    Open,

    /// <summary>The gate this token was made for passed its expiry; the timer may not have fired yet, but no decision is taken.</summary>
    Expired,

    /// <summary>Decided, cancelled, or the region has moved on or ended: a decision now would be silently dropped.</summary>
    Closed,

    /// <summary>No such run or region.</summary>
    Missing,
}

/// <param name="Open">The waiting checkpoint when <see cref="State"/> is <see cref="CheckpointState.Open"/>; raise its event on its instance.</param>
/// <param name="Recorded">How this opening of the gate closed, when it has (who decided what and when).</param>
/// <param name="Stage">The checkpoint stage's name, when the region status names it.</param>
/// <param name="Policy">Who may decide it, from the run's config.</param>
/// <param name="Details">What is being promoted and the region's decisions so far, for the page.</param>
public sealed record CheckpointView(
    CheckpointState State, string? App, OpenCheckpoint? Open, CheckpointDecision? Recorded = null, string? Stage = null, ApproverPolicy? Policy = null, CheckpointDetails? Details = null);

/// <summary>What a gate promotes (artifact, commit and its author) and every decision taken in its region so far.</summary>
/// <param name="FromEnv">The env deployed before the checkpoint (what is promoted from); null for a gate before the region's first env.</param>
public sealed record CheckpointDetails(string? Version, string? Commit, string? Author, IReadOnlyList<CheckpointDecision> Decisions, string? FromEnv = null);

/// <summary>
/// Finds the gate a token names in the live status. Raising an event on an instance that is not waiting for it loses
/// the decision without an error, so every decision is checked against this first.
/// </summary>
public static class CheckpointLookup
{
    public static async Task<CheckpointView> FindAsync(DurableTaskClient client, ApprovalClaims claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A token is signed by us, but its run id may still name no run (a purged one) or an instance of another kind
        // (a region or stage instance): only a run orchestration's status has the run's shape.
        if (!RunIds.IsRunId(claims.RunId)) return Missing;
        var run = await client.GetInstanceAsync(claims.RunId, getInputsAndOutputs: true, cancellationToken);
        if (run is null || run.Name != nameof(DeploymentRunOrchestrator)) return Missing;
        var region = await client.GetInstanceAsync(RegionPipelineOrchestrator.InstanceId(claims.RunId, claims.Region), getInputsAndOutputs: true, cancellationToken);
        if (region is null || region.Name != nameof(RegionPipelineOrchestrator)) return Missing;

        var app = Read<RunStatus>(run)?.App;
        var status = Read<RegionStatus>(region);
        // A cancelled run's regions were terminated with their gates open in their last status: show those gates cancelled, by whom.
        if (status is not null && RunCancellation.Of(run) is { } cancelled) status = cancelled.Close(status);
        var input = ReadInput(run);
        var details = new CheckpointDetails(input?.Artifact.Version, input?.Snapshot.Source.Commit, input?.CommitAuthor,
            status?.Stages.Select(s => s.Decision).OfType<CheckpointDecision>().ToList() ?? [], FromEnv(status, claims.Env));
        var closedStage = status?.Stages.FirstOrDefault(s => s.Env == claims.Env && s.Decision is { } d && SameInstant(d.ExpiresAt, claims.ExpiresAt));
        var closed = new CheckpointView(CheckpointState.Closed, app, null, closedStage?.Decision, closedStage?.Name, Details: details);
        // A suspended region still takes the decision when it resumes; the decision route then says it could not confirm it.
        if (region.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended)) return closed;

        var open = status?.Checkpoint;
        if (open is null || open.Env != claims.Env || !SameInstant(open.ExpiresAt, claims.ExpiresAt)) return closed;
        var policy = ApproverPolicy.For(input, claims.Env);
        return new CheckpointView(Utc(open.ExpiresAt) <= now ? CheckpointState.Expired : CheckpointState.Open, app, open, Policy: policy, Details: details);
    }

    private static readonly CheckpointView Missing = new(CheckpointState.Missing, null, null);

    /// <summary>The env of the last stage before the env's checkpoint that belongs to another env: the one being promoted from.</summary>
    public static string? FromEnv(RegionStatus? status, string env)
    {
        if (status is null) return null;
        var gate = status.Stages.ToList().FindIndex(s => s.Env == env && s.Kind is StageKind.Checkpoint or StageKind.PrePromoteCheckpoint);
        return gate < 0 ? null : status.Stages.Take(gate).LastOrDefault(s => s.Env is { Length: > 0 } other && other != env)?.Env;
    }

    private static DeploymentRunInput? ReadInput(OrchestrationMetadata run)
    {
        if (run.SerializedInput is null) return null;
        try
        {
            return run.ReadInputAs<DeploymentRunInput>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A status written by an older version of the engine may not read as today's shape; that gate is gone, not a server error.</summary>
    private static T? Read<T>(OrchestrationMetadata instance) where T : class
    {
        if (instance.SerializedCustomStatus is null) return null;
        try
        {
            return instance.ReadCustomStatusAs<T>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Tokens carry milliseconds; the status carries ticks.</summary>
    public static bool SameInstant(DateTime gate, DateTimeOffset token) => Math.Abs((Utc(gate) - token).TotalMilliseconds) < 1;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
