using System.Diagnostics;
using BenchmarkDotNet.Running;

namespace Foremast.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        // "quick": a plain timing loop for a fast sanity check while iterating; BenchmarkDotNet gives the real figures.
        if (args is ["quick", ..])
        {
            var b = new GeneratorBenchmarks();
            b.Setup();
            Time("GenerateAllRegions", () => b.GenerateAllRegions());
            Time("GenerateAllRegionsFreshSnapshot", () => b.GenerateAllRegionsFreshSnapshot());
            Time("LoadMergeValidate", () => b.LoadMergeValidate());
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void Time(string name, Action action)
    {
        for (var i = 0; i < 1000; i++) action();
        Thread.Sleep(300);
        for (var i = 0; i < 500; i++) action();
        var watch = Stopwatch.StartNew();
        const int n = 1000;
        for (var i = 0; i < n; i++) action();
        Console.WriteLine($"{name}: {watch.Elapsed.TotalMilliseconds / n:F3} ms/op");
    }
}
