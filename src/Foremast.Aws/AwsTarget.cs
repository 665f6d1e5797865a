using Foremast.Core.Config.Aws;

namespace Foremast.Aws;

/// <summary>Where calls go: the env's account (from the run's pinned <c>aws</c> settings) and region, and whether writes are allowed.</summary>
public sealed record AwsTarget(string Env, string Region, bool ReadOnly, AwsSettings Settings)
{
    /// <summary>What distinguishes two targets' clients: same env, region, account and mode share them.</summary>
    internal (string Env, string Region, bool ReadOnly, AwsAccount? Account) Key => (Env, Region, ReadOnly, Settings.Accounts.GetValueOrDefault(Env));
}
