namespace Foremast.Local.Tests.Support;

public static class Poll
{
    /// <summary>Checks <paramref name="condition"/> every 200 ms; how long it took is part of what the crash tests measure.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await condition()) return watch.Elapsed;
            await Task.Delay(200);
        }

        throw new TimeoutException($"{what}: not within {timeout.TotalSeconds:0} s");
    }
}
