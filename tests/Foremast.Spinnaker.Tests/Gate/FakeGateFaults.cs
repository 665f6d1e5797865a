namespace Foremast.Spinnaker.Tests.Gate;

/// <summary>Scripted misbehaviour: each fault answers (or delays) the next matching requests, then is used up.</summary>
public sealed class FakeGateFaults
{
    private readonly object _lock = new();
    private readonly List<Fault> _faults = [];

    /// <param name="Status">0 means only delay, then answer normally.</param>
    /// <param name="AfterHandling">Let the request take effect, then answer with the error (a reply lost on the way back).</param>
    public sealed record Fault(string? Method, string? PathPrefix, int Status, string? Message, TimeSpan Delay, bool AfterHandling = false)
    {
        public int Remaining { get; set; } = 1;

        public bool Matches(string method, string path) =>
            (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal));
    }

    /// <summary>The next <paramref name="times"/> matching requests get <paramref name="status"/> (503 by default).</summary>
    public void FailNext(int times, int status = 503, string? path = null, string? method = null) =>
        Add(new Fault(method, path, status, $"injected {status}", TimeSpan.Zero) { Remaining = times });

    /// <summary>The next matching request is carried out, but the client is told it failed with <paramref name="status"/>.</summary>
    public void LoseNextReply(int status = 502, string? path = null, string? method = null) =>
        Add(new Fault(method, path, status, $"injected {status} after handling", TimeSpan.Zero, AfterHandling: true));

    /// <summary>The next matching request is refused with Gate's error shape and this message.</summary>
    public void RejectNext(int status, string message, string? path = null, string? method = null) =>
        Add(new Fault(method, path, status, message, TimeSpan.Zero));

    /// <summary>The next matching requests are answered late (normally, unless the client gave up).</summary>
    public void DelayNext(TimeSpan delay, int times = 1, string? path = null, string? method = null) =>
        Add(new Fault(method, path, 0, null, delay) { Remaining = times });

    public Fault? Take(string method, string path)
    {
        lock (_lock)
        {
            var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Matches(method, path));
            if (fault is null) return null;
            fault.Remaining--;
            return fault;
        }
    }

    private void Add(Fault fault)
    {
        lock (_lock) _faults.Add(fault);
    }
}
