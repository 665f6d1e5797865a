namespace Foremast.Api;

/// <summary>
/// Whether the task hub's storage answers, as the last probe or request found it. Shared by the API (which answers
/// 503 at once while storage is down instead of letting every request time out) and a host's own monitor. It only
/// keeps state; whoever reports a change (the report returns true) logs the one line for it.
/// </summary>
public sealed class StorageHealth(TimeProvider? time = null)
{
    /// <summary>How often a request may try storage again while it is down, and the <c>Retry-After</c> the API sends.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private DateTimeOffset? _downSince;
    private DateTimeOffset _lastProbe;
    private string _reason = "";
    private int _probing;

    public bool IsDown
    {
        get
        {
            lock (_lock) return _downSince is not null;
        }
    }

    /// <summary>The last failure, one line.</summary>
    public string Reason
    {
        get
        {
            lock (_lock) return _reason;
        }
    }

    /// <returns>True when storage was up until now: the caller logs that it went away.</returns>
    public bool ReportDown(string reason)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            _reason = OneLine(reason);
            _lastProbe = now;
            if (_downSince is not null) return false;
            _downSince = now;
            return true;
        }
    }

    /// <returns>How long storage was down when it was down until now (the caller logs that it is back); null otherwise.</returns>
    public TimeSpan? ReportUp()
    {
        lock (_lock)
        {
            if (_downSince is not { } since) return null;
            _downSince = null;
            _reason = "";
            return _time.GetUtcNow() - since;
        }
    }

    /// <summary>
    /// While storage is down, lets one caller at a time through to try it again, at most every <see cref="ProbeInterval"/>;
    /// every other request is answered 503 at once. Call <see cref="EndProbe"/> after a true answer.
    /// </summary>
    public bool TryBeginProbe()
    {
        lock (_lock)
        {
            if (_time.GetUtcNow() - _lastProbe < ProbeInterval) return false;
            if (_probing != 0) return false;
            _probing = 1;
            _lastProbe = _time.GetUtcNow();
            return true;
        }
    }

    public void EndProbe()
    {
        lock (_lock) _probing = 0;
    }

    /// <summary>Exception messages from the storage SDK span lines (and list every retry); the first line says enough.</summary>
    public static string OneLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= 240 ? line : line[..240] + "…";
    }
}
