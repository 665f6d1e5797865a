namespace Foremast.Engine.Benchmarks;

public static class Percentiles
{
    /// <summary>Nearest-rank percentile: with 20 samples p95 is the 19th smallest, an observed value rather than an interpolation.</summary>
    public static TimeSpan Of(IReadOnlyList<TimeSpan> samples, double percentile)
    {
        if (samples.Count == 0) return TimeSpan.Zero;
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Ms(TimeSpan value) => $"{value.TotalMilliseconds:0} ms";
}
