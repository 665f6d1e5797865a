using Foremast.Core.Config;
using Foremast.Spinnaker.Lookups;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.DryRun;

/// <summary>
/// Lookups for runs with no cloud behind them: every configured env/region has zones a, b and c, the base image is
/// used literally as the AMI (what Foremast did with no AMI source configured), and Spinnaker has no pipelines yet.
/// </summary>
public sealed class PlannedLookups : ILookupsProvider
{
    public Task<IEnvironmentLookups> ForAsync(ConfigSnapshot snapshot, CancellationToken cancellationToken = default) =>
        Task.FromResult<IEnvironmentLookups>(new Lookups(snapshot));

    private sealed class Lookups(ConfigSnapshot snapshot) : IEnvironmentLookups
    {
        public string? AmiId(string region, string baseName) => baseName;

        public IReadOnlyList<string>? AvailabilityZones(string env, string region) =>
            snapshot.Environments.ContainsKey(env) && snapshot.RegionsOf(env).Contains(region) ? [$"{region}a", $"{region}b", $"{region}c"] : null;

        public string? AccountId(string env) => null;

        public IReadOnlyList<ExistingPipeline> Pipelines(string application) => [];
    }
}
