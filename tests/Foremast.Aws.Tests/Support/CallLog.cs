using System.Collections.Concurrent;
using Foremast.Aws.Safety;

namespace Foremast.Aws.Tests.Support;

/// <summary>Every AWS call the clients made, in order: "zero writes on a second run" is asserted on this.</summary>
public sealed class CallLog : IAwsCallObserver
{
    private readonly ConcurrentQueue<AwsCall> _calls = new();

    public IReadOnlyList<AwsCall> Calls => _calls.ToList();

    public IReadOnlyList<AwsCall> Writes => _calls.Where(c => c.Mutating).ToList();

    public void OnCall(AwsCall call, bool readOnlySession) => _calls.Enqueue(call);

    public void Clear() => _calls.Clear();
}
