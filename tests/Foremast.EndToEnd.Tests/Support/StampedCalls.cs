using System.Collections.Concurrent;
using Foremast.Aws.Safety;

namespace Foremast.EndToEnd.Tests.Support;

/// <summary>Every AWS call with the time it was sent, so a run's calls can be told apart by stage (stages of one region run one after another).</summary>
public sealed class StampedCalls : IAwsCallObserver
{
    private readonly ConcurrentQueue<(DateTime At, AwsCall Call)> _calls = new();

    public void OnCall(AwsCall call, bool readOnlySession) => _calls.Enqueue((DateTime.UtcNow, call));

    public IReadOnlyList<AwsCall> Between(DateTime from, DateTime to) => _calls.Where(c => c.At >= from && c.At <= to).Select(c => c.Call).ToList();

    public void Clear() => _calls.Clear();
}
