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

    /// <summary>The deploy of this stage starts but reports itself failed at the first health check.</summary>
    public void Unhealthy(string runId, string region, string stage) =>
        _entries[(runId, region, stage)] = new Entry { Health = HealthState.Failed };

    /// <summary>The deploy of this stage starts but never becomes healthy.</summary>
    public void NeverHealthy(string runId, string region, string stage) =>
        _entries[(runId, region, stage)] = new Entry { Health = HealthState.Pending };

    /// <summary>The health this stage's deploy is forced to report, if any.</summary>
    public HealthState? ForcedHealth(StageRequest request) =>
        _entries.TryGetValue((request.RunId, request.Region, request.StageName), out var entry) ? entry.Health : null;

    public void Delay(string runId, string region, string stage, TimeSpan delay) =>
        _entries[(runId, region, stage)] = new Entry { Delay = delay };

    /// <summary>Called by the scripted executors before the dry-run one records the action.</summary>
    public async Task ApplyAsync(StageRequest request)
    {
        if (!_entries.TryGetValue((request.RunId, request.Region, request.StageName), out var entry)) return;
        if (entry.Delay > TimeSpan.Zero) await Task.Delay(entry.Delay);
        if (Interlocked.Decrement(ref entry.FailuresLeft) >= 0) throw new InvalidOperationException(entry.Message);
    }

    private sealed class Entry
    {
        public int FailuresLeft;

        public string Message = "";

        public TimeSpan Delay;

        public HealthState? Health;
    }
}
