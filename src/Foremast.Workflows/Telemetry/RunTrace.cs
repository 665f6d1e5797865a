using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Foremast.Workflows.Telemetry;

/// <summary>
/// One trace per run, whatever engine instance or replay records it: the trace id and the root span id are derived from
/// the run id, so the run's span, its stages' spans and its activities' spans (with the AWS calls under them) line up
/// in one trace even though a durable run has no single process to hold a span open.
/// </summary>
public static class RunTrace
{
    public static ActivityContext Root(string runId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(runId));
        return new ActivityContext(
            ActivityTraceId.CreateFromBytes(hash.AsSpan(0, 16)),
            ActivitySpanId.CreateFromBytes(hash.AsSpan(16, 8)),
            ActivityTraceFlags.Recorded,
            isRemote: true);
    }

    /// <summary>A span recorded after the fact, from durable start and end times (orchestration code cannot keep one open across replays).</summary>
    public static void Record(string name, string runId, DateTime startedUtc, DateTime endedUtc, IEnumerable<KeyValuePair<string, object?>> tags, string? error)
    {
        using var span = ForemastTelemetry.Source.StartActivity(name, ActivityKind.Internal, Root(runId), tags, startTime: new DateTimeOffset(startedUtc, TimeSpan.Zero));
        if (span is null) return;
        if (error is not null) span.SetStatus(ActivityStatusCode.Error, error);
        span.SetEndTime(endedUtc);
    }
}
