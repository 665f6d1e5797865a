using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Foremast.Workflows.Telemetry;

namespace Foremast.Workflows.Tests.Telemetry;

public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>An in-process <see cref="MeterListener"/> and <see cref="ActivityListener"/> on the "Foremast" meter and source.</summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _spans;
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public TelemetryCapture()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ForemastTelemetry.Name) listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();

        _spans = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ForemastTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _stopped.Enqueue(a),
        };
        ActivitySource.AddActivityListener(_spans);
    }

    public IReadOnlyList<Measurement> Measurements(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToList();

    public IReadOnlyList<Activity> Spans => _stopped.ToList();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }

    public void Dispose()
    {
        _meters.Dispose();
        _spans.Dispose();
    }
}
