using BenchmarkDotNet.Attributes;
using Foremast.Core.Config;
using Foremast.Spinnaker.Generator;
using Foremast.Spinnaker.Lookups;
using Foremast.Tests.Shared;

namespace Foremast.Benchmarks;

/// <summary>
/// Scenario 01 (ec2, 3 envs, 2 regions). Foremast needs ~105–110 ms to generate both region pipelines and
/// ~23 ms to load and merge the config; see docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const string Scenario = "01-ec2-3env-2region";

    private ConfigSnapshot _snapshot = null!;
    private IEnvironmentLookups _lookups = null!;
    private LoadRequest _request = null!;
    private readonly PipelineGenerator _generator = new();

    [GlobalSetup]
    public void Setup()
    {
        _request = new LoadRequest(Fixtures.ScenarioRunway(Scenario), Fixtures.ScenarioConfig(Scenario), "forrest", "unicorn");
        _snapshot = RunwayLoader.Load(_request).SnapshotOrThrow();
        _lookups = JsonLookups.FromFile(Path.Combine(Fixtures.Scenario(Scenario), "lookups.json"));
        // Warm the template store once, as a long-running host would be.
        _generator.Generate(_snapshot, _lookups);
    }

    /// <summary>Both region pipelines of scenario 01 from a snapshot already in memory (templates compiled once per process).</summary>
    [Benchmark]
    public int GenerateAllRegions() => _generator.Generate(_snapshot, _lookups).Count;

    /// <summary>The same from a snapshot the generator has not seen: includes converting its JSON for the templates.</summary>
    [Benchmark]
    public int GenerateAllRegionsFreshSnapshot() => _generator.Generate(_snapshot with { }, _lookups).Count;

    /// <summary>Read the runway files and the global config from disk, validate, merge: a fresh snapshot each time.</summary>
    [Benchmark]
    public bool LoadMergeValidate() => RunwayLoader.Load(_request).IsValid;
}
