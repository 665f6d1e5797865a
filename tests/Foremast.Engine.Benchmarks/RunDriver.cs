using System.Diagnostics;
using Foremast.Cli.Run;
using Foremast.Tests.Shared;
using Foremast.Api.Runs;
using Foremast.Workflows.Status;

namespace Foremast.Engine.Benchmarks;

/// <param name="Latencies">Per approval: from sending the decision to the engine's recorded start of the stage after the gate.</param>
public sealed record RunMeasurement(string RunId, TimeSpan Wall, string Outcome, IReadOnlyList<TimeSpan> Latencies, string? Error);

/// <summary>One run of the examples, started and approved over HTTP as <c>foremast run --approve</c> does.</summary>
public sealed class RunDriver(EngineClient client, TimeSpan poll)
{
    public async Task<RunMeasurement> RunAsync(string version, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var body = new StartRunBody(null, "acme", "webshop", new StartRunSource(Path.Combine(Fixtures.Examples, "runway"), null, null),
            new StartRunArtifact(version, $"https://artifacts.invalid/webshop-{version}.rpm"), DryRun: true);
        var started = await client.StartAsync(body, cancellationToken);
        if (started.RunId is not { } runId) return new RunMeasurement("", watch.Elapsed, "refused", [], $"HTTP {started.Status}: {started.Body}");

        // Gate key (region/stage) -> when its approval was sent; the latency is read once the next stage has started.
        var approvedAt = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var latencies = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        while (true)
        {
            var run = await client.GetAsync(runId, cancellationToken) ?? throw new InvalidOperationException($"no run {runId}");
            Collect(run, approvedAt, latencies);
            if (RunExit.IsEnded(run))
            {
                return new RunMeasurement(runId, watch.Elapsed, run.Result?.Outcome.ToString() ?? run.RuntimeStatus, latencies.Values.ToList(), run.Failure ?? run.Result?.Error);
            }

            foreach (var gate in run.Approvals ?? [])
            {
                var key = $"{gate.Region}/{gate.Stage}";
                if (approvedAt.ContainsKey(key)) continue;
                approvedAt[key] = DateTime.UtcNow;
                var status = await client.DecideAsync(gate.Url, "approve", "bench", cancellationToken);
                if (status != 202) return new RunMeasurement(runId, watch.Elapsed, "approval refused", [], $"HTTP {status} for {key}");
            }

            await Task.Delay(poll, cancellationToken);
        }
    }

    private static void Collect(RunDocument run, Dictionary<string, DateTime> approvedAt, Dictionary<string, TimeSpan> latencies)
    {
        foreach (var region in run.Status?.Regions ?? [])
        {
            for (var i = 0; i < region.Stages.Count - 1; i++)
            {
                var key = $"{region.Region}/{region.Stages[i].Name}";
                if (latencies.ContainsKey(key) || !approvedAt.TryGetValue(key, out var sent)) continue;
                if (NextStart(region, i) is { } next) latencies[key] = DateTime.SpecifyKind(next, DateTimeKind.Utc) - sent;
            }
        }
    }

    /// <summary>The orchestration's own clock for the first stage after the gate (set when the engine processed the decision).</summary>
    private static DateTime? NextStart(RegionStatus region, int gateIndex) =>
        region.Stages.Skip(gateIndex + 1).FirstOrDefault(s => !s.IsBranch)?.StartedAt;
}
