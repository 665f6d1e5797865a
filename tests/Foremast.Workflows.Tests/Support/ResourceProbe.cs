using System.Collections.Concurrent;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Tests.Support;

/// <summary>
/// What the probing infrastructure resources saw, per run: start and end of every call, calls per kind, scripted
/// failures, and a barrier that only opens when all of phase 1 is running at once.
/// </summary>
public sealed class ResourceProbe
{
    public static readonly string[] PhaseOne = [ResourceKinds.Iam, ResourceKinds.SecurityGroup, ResourceKinds.S3];

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string RunId, string Kind), int> _failuresLeft = new();
    private readonly ConcurrentDictionary<string, Barrier> _barriers = new(StringComparer.Ordinal);

    /// <summary>The first <paramref name="times"/> calls of the kind in this run throw a throttling error.</summary>
    public void Fail(string runId, string kind, int times) => _failuresLeft[(runId, kind)] = times;

    /// <summary>Phase-1 calls of this run wait until all three are inside at once; sequential calls would time out.</summary>
    public void RequireParallelPhaseOne(string runId) => _barriers[runId] = new Barrier();

    /// <returns>"start iam", "end iam", … in the order they happened.</returns>
    public IReadOnlyList<string> Events(string runId) => _events.TryGetValue(runId, out var events) ? events.ToList() : [];

    public int Calls(string runId, string kind) => Events(runId).Count(e => e == $"start {kind}");

    internal async Task<ResourceResult> ConvergeAsync(string kind, StageRequest request)
    {
        var events = _events.GetOrAdd(request.RunId, _ => new ConcurrentQueue<string>());
        events.Enqueue($"start {kind}");
        if (_barriers.TryGetValue(request.RunId, out var barrier) && PhaseOne.Contains(kind)) await barrier.ArriveAsync();
        else await Task.Delay(20);

        if (_failuresLeft.TryGetValue((request.RunId, kind), out var left) && left > 0 && _failuresLeft.TryUpdate((request.RunId, kind), left - 1, left))
        {
            events.Enqueue($"fail {kind}");
            throw new InvalidOperationException("Throttling: Rate exceeded");
        }

        events.Enqueue($"end {kind}");
        var change = new ResourceChange(request.DryRun ? "would create" : "created", kind, $"{request.App}-{kind}", $"{request.Env}/{request.Region}");
        return new ResourceResult([change]);
    }

    private sealed class Barrier
    {
        private readonly TaskCompletionSource _allInside = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inside;

        public async Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _inside) >= PhaseOne.Length) _allInside.TrySetResult();
            await _allInside.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
