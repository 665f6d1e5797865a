using System.Diagnostics;
using Foremast.Cli.Run;
using Foremast.Engine.Benchmarks;

// Usage: dotnet run -c Release --project tests/Foremast.Engine.Benchmarks [-- SEQUENTIAL_RUNS CONCURRENT_RUNS FOLLOWER_POLL_SECONDS]
// The engine runs in this process on the Azurite at 127.0.0.1:10000-10002 (started from node_modules when absent).
var sequential = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 12;
var concurrent = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
var followerPoll = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
var hub = $"Bench{DateTime.UtcNow:yyyyMMddHHmmss}";
var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

var startup = Stopwatch.StartNew();
await using var engine = await InProcessEngine.StartAsync(new Dictionary<string, string?>
{
    ["Foremast:Local:TaskHub"] = hub,
    // The examples' global config, as `foremast run --config` gives it: 2 regions, one prod gate each.
    ["Foremast:ConfigFile"] = Path.Combine(Foremast.Tests.Shared.Fixtures.Examples, "foremast-config.json"),
    ["Foremast:Local:ApprovalKeyFile"] = Path.Combine(Path.GetTempPath(), $"foremast-bench-{stamp}.key"),
    // Dry-run deploys need two health probes; the shortest practical wait keeps the run about the engine, not the poll.
    ["Foremast:Tuning:HealthPollInterval"] = "00:00:00.100",
}, CancellationToken.None);
Console.WriteLine($"engine on {engine.Url} (hub {hub}) ready in {startup.ElapsedMilliseconds} ms; {Environment.ProcessorCount} cores");
using var client = new EngineClient(engine.Url);

// (a) + (b): runs one after another, so each one's wall time and approval latencies are the engine's alone.
var fast = new RunDriver(client, TimeSpan.FromMilliseconds(100));
await fast.RunAsync($"0.0.0-warmup-{stamp}", CancellationToken.None);
var runs = new List<RunMeasurement>();
for (var i = 0; i < sequential; i++)
{
    var m = await fast.RunAsync($"1.0.{i}-{stamp}", CancellationToken.None);
    runs.Add(m);
    Console.WriteLine($"run {i + 1}: {m.Outcome} in {Percentiles.Ms(m.Wall)}; approval->next stage {string.Join(", ", m.Latencies.Select(Percentiles.Ms))}");
}

var walls = runs.Select(r => r.Wall).ToList();
var latencies = runs.SelectMany(r => r.Latencies).ToList();
Console.WriteLine($"(a) run wall time, {runs.Count} runs: p50 {Percentiles.Ms(Percentiles.Of(walls, 50))}, max {Percentiles.Ms(Percentiles.Of(walls, 100))}, failures {runs.Count(r => r.Outcome != "Succeeded")}");
Console.WriteLine($"(b) approval->next stage, {latencies.Count} approvals: p50 {Percentiles.Ms(Percentiles.Of(latencies, 50))}, p95 {Percentiles.Ms(Percentiles.Of(latencies, 95))}, max {Percentiles.Ms(Percentiles.Of(latencies, 100))}");

// (c) many runs at once; each follower polls every second by default, as a dashboard or a waiting `foremast run` would.
var slow = new RunDriver(client, followerPoll);
var all = Stopwatch.StartNew();
var results = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(async i =>
{
    try
    {
        return await slow.RunAsync($"2.0.{i}-{stamp}", CancellationToken.None);
    }
    catch (Exception e)
    {
        return new RunMeasurement("", all.Elapsed, "exception", [], e.Message);
    }
}));
all.Stop();
var errors = results.Where(r => r.Outcome != "Succeeded").ToList();
var concurrentWalls = results.Select(r => r.Wall).ToList();
Console.WriteLine($"(c) {concurrent} concurrent runs: all ended in {all.Elapsed.TotalSeconds:0.0} s ({concurrent / all.Elapsed.TotalMinutes:0.0} runs/min); " +
                  $"per run p50 {Percentiles.Ms(Percentiles.Of(concurrentWalls, 50))}, max {Percentiles.Ms(Percentiles.Of(concurrentWalls, 100))}; errors {errors.Count}");
foreach (var e in errors.Take(5)) Console.WriteLine($"  {e.RunId}: {e.Outcome} {e.Error}");
return errors.Count == 0 && runs.All(r => r.Outcome == "Succeeded") ? 0 : 1;
