using System.Collections.Concurrent;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Tests.Support;

/// <summary>Per test run: which stage executions should fail or be slow. Keyed by run id, so tests sharing a host never interfere.</summary>
public sealed class StageScript
{
    private readonly ConcurrentDictionary<(string RunId, string Region, string Stage), Entry> _entries = new();

    /// <param name="delay">How long each attempt takes before it throws.</param>
    public void Fail(string runId, string region, string stage, int times, string message, TimeSpan delay = default) =>
        _entries[(runId, region, stage)] = new Entry { FailuresLeft = times, Message = message, Delay = delay };

    /// <summary>Every attempt fails with an error another attempt cannot fix (as AWS refusing a call does).</summary>
    public void FailPermanently(string runId, string region, string stage, string message) =>
        _entries[(runId, region, stage)] = new Entry { FailuresLeft = int.MaxValue, Message = message, Permanent = true };

    /// <summary>The deploy of this stage starts but reports itself failed at the first health check.</summary>
    public void Unhealthy(string runId, string region, string stage) =>
        _entries[(runId, region, stage)] = new Entry { Health = HealthState.Failed };

    /// <summary>The deploy of this stage starts but never becomes healthy.</summary>
    public void NeverHealthy(string runId, string region, string stage) =>
        _entries[(runId, region, stage)] = new Entry { Health = HealthState.Pending };

    /// <summary>The health this stage's deploy is forced to report, if any.</summary>
    public HealthState? ForcedHealth(StageRequest request) =>
        _entries.TryGetValue((request.RunId, request.Region, request.StageName), out var entry) ? entry.Health : null;

    /// <summary>The bake of this stage answers "pending" for its first <paramref name="steps"/> steps (the builder is installing).</summary>
    public void BakePending(string runId, string region, string stage, int steps) =>
        _entries[(runId, region, stage)] = new Entry { PendingLeft = steps };

    /// <summary>True while this stage's bake should still report itself pending; counts one step down.</summary>
    public bool TakePending(StageRequest request) =>
        _entries.TryGetValue((request.RunId, request.Region, request.StageName), out var entry) && Interlocked.Decrement(ref entry.PendingLeft) >= 0;

    public void Delay(string runId, string region, string stage, TimeSpan delay) =>
        _entries[(runId, region, stage)] = new Entry { Delay = delay };

    /// <summary>Called by the scripted executors before the dry-run one records the action.</summary>
    public async Task ApplyAsync(StageRequest request)
    {
        if (!_entries.TryGetValue((request.RunId, request.Region, request.StageName), out var entry)) return;
        if (entry.Delay > TimeSpan.Zero) await Task.Delay(entry.Delay);
        if (Interlocked.Decrement(ref entry.FailuresLeft) < 0) return;
        if (entry.Permanent) throw new Foremast.Workflows.Execution.PermanentExecutorException(entry.Message);
        throw new InvalidOperationException(entry.Message);
    }

    private sealed class Entry
    {
        public int FailuresLeft;

        public string Message = "";

        public TimeSpan Delay;

        public HealthState? Health;

        public int PendingLeft;

        public bool Permanent;
    }
}
