using System.Diagnostics;
using Xunit.Abstractions;

namespace Foremast.Core.Tests.Validation;

public class LoadPerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Load_merge_and_validate_of_scenario_01_stays_in_the_low_milliseconds()
    {
        var texts = Runways.Texts("01-ec2-3env-2region");
        var settings = Runways.Settings("01-ec2-3env-2region");
        for (var i = 0; i < 50; i++) Assert.True(Runways.Load(texts, settings).IsValid);

        const int runs = 500;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) Runways.Load(texts, settings);
        var perLoad = clock.Elapsed.TotalMilliseconds / runs;

        output.WriteLine($"load+merge+validate of scenario 01: {perLoad:F3} ms");

        // The target is ~0.5 ms on a quiet machine in Release; this bound only catches a pathological regression
        // on a busy shared box running a Debug build.
        Assert.InRange(perLoad, 0, 50);
    }
}
