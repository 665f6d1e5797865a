using System.Collections.Concurrent;

namespace Foremast.Workflows.Tests.Support;

/// <summary>
/// Shared by the live test doubles: every read-only call they make is listed, and every mutating call is listed and
/// then refused with an exception, so a test sees both what a run would have changed and that it tried.
/// </summary>
public sealed class MutationTrap
{
    private readonly ConcurrentQueue<(string RunId, string Call)> _reads = new();
    private readonly ConcurrentQueue<(string RunId, string Call)> _mutations = new();

    public IReadOnlyList<string> Reads(string runId) => _reads.Where(r => r.RunId == runId).Select(r => r.Call).ToList();

    public IReadOnlyList<string> Mutations(string runId) => _mutations.Where(m => m.RunId == runId).Select(m => m.Call).ToList();

    public void Read(string runId, string call) => _reads.Enqueue((runId, call));

    /// <exception cref="InvalidOperationException">Always: the doubles stand for a cloud no test may change.</exception>
    public void Mutate(string runId, string call)
    {
        _mutations.Enqueue((runId, call));
        throw new InvalidOperationException($"mutating call {call}");
    }
}
