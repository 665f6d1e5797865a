namespace Foremast.Core.Config.Aws;

/// <summary>The global config's <c>aws</c> section (new in Foremast.Functions): accounts per env and subnet overrides.</summary>
/// <param name="Accounts">env → profile or role.</param>
/// <param name="Subnets">
/// env → region → target (<c>ec2</c> or <c>elb</c>) → subnet ids. Overrides the lookup by Spinnaker's
/// <c>immutable_metadata</c> subnet tag for accounts that never ran Spinnaker.
/// </param>
public sealed record AwsSettings(
    IReadOnlyDictionary<string, AwsAccount> Accounts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>> Subnets)
{
    public static readonly AwsSettings Empty = new(new Dictionary<string, AwsAccount>(), new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>>());

    /// <returns>The configured subnet ids for env/region/target, or null when the tag lookup decides.</returns>
    public IReadOnlyList<string>? SubnetsFor(string env, string region, string target) =>
        Subnets.TryGetValue(env, out var regions) && regions.TryGetValue(region, out var targets) && targets.TryGetValue(target, out var ids) ? ids : null;
}
