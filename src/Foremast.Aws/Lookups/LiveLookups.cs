using Foremast.Spinnaker.Lookups;

namespace Foremast.Aws.Lookups;

/// <summary>What <see cref="AwsEnvironmentLookups"/> read, answered without further calls (the generator asks synchronously).</summary>
internal sealed class LiveLookups(
    string baseName,
    IReadOnlyDictionary<string, string> amis,
    IReadOnlyDictionary<(string Env, string Region), IReadOnlyList<string>> zones,
    IReadOnlyDictionary<string, string> accounts) : IEnvironmentLookups
{
    public string? AmiId(string region, string requested) => requested == baseName ? amis.GetValueOrDefault(region) : null;

    public IReadOnlyList<string>? AvailabilityZones(string env, string region) => zones.GetValueOrDefault((env, region));

    public string? AccountId(string env) => accounts.GetValueOrDefault(env);

    public IReadOnlyList<ExistingPipeline> Pipelines(string application) => [];
}
