using System.Text.Json;
using Foremast.Aws.Bake;
using Foremast.Aws.Http;
using Foremast.Aws.Network;
using Foremast.Core.Config;
using Foremast.Core.Config.Settings;
using Foremast.Spinnaker.Lookups;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Lookups;

/// <summary>
/// The generator's environment facts read from the account, as Foremast read them through Spinnaker: the AMI of the
/// pipeline's base image per region (<see cref="AmiLookup"/>, in the account of the first env deploying there), the zones
/// of each env's ec2 subnets per region (<see cref="NetworkLookup"/> inside <c>base.vpc_name</c>) and each env's account id
/// (STS GetCallerIdentity). Existing Spinnaker pipelines are Gate's to know, so none here. Every session is read-only.
/// </summary>
public sealed class AwsEnvironmentLookups(AwsClientBuilder clients, HttpClient? http = null) : ILookupsProvider
{
    /// <exception cref="AwsOperationException">An AWS call failed (one line naming it).</exception>
    public async Task<IEnvironmentLookups> ForAsync(ConfigSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var zones = new Dictionary<(string Env, string Region), IReadOnlyList<string>>();
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
        var amis = new Dictionary<string, string>(StringComparer.Ordinal);
        var baseName = BaseName(snapshot.Pipeline);

        foreach (var env in snapshot.Environments.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var region in snapshot.RegionsOf(env))
            {
                var session = clients.Session(new AwsTarget(env, region, ReadOnly: true, snapshot.Settings.Aws));
                if (!accounts.ContainsKey(env) && await AccountIdAsync(session, cancellationToken).ConfigureAwait(false) is { } account) accounts[env] = account;
                if (await ZonesAsync(session, snapshot, env, region, cancellationToken).ConfigureAwait(false) is { } found) zones[(env, region)] = found;
                if (!amis.ContainsKey(region) && await AmiAsync(session, baseName, snapshot.Settings.AmiJsonUrl, cancellationToken).ConfigureAwait(false) is { } ami)
                {
                    amis[region] = ami;
                }
            }
        }

        return new LiveLookups(baseName, amis, zones, accounts);
    }

    private async Task<string?> AccountIdAsync(AwsSession session, CancellationToken cancellationToken)
    {
        var sts = clients.Query(AwsService.Sts, session.Target);
        var identity = await AwsCalls.RunAsync($"account of env {session.Env}", "GetCallerIdentity", () => sts.CallAsync("GetCallerIdentity", null, cancellationToken)).ConfigureAwait(false);
        return identity.Value("Account");
    }

    /// <summary>Null when the env has no ec2 subnets (or no VPC) there: the generator then leaves that region out, as Foremast did.</summary>
    private static async Task<IReadOnlyList<string>?> ZonesAsync(AwsSession session, ConfigSnapshot snapshot, string env, string region, CancellationToken cancellationToken)
    {
        var purpose = AsgSettings.From(snapshot.SettingsFor(env, region)).SubnetPurpose;
        try
        {
            var subnets = await AwsCalls.RunAsync($"subnets of env {env}, region {region}", "DescribeSubnets",
                () => new NetworkLookup(session).SubnetsAsync(purpose, "ec2", snapshot.Settings.VpcName, cancellationToken)).ConfigureAwait(false);
            return subnets.Select(s => s.AvailabilityZone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }
        catch (AwsConfigurationException)
        {
            return null;
        }
    }

    /// <summary>Null when nothing resolves the alias: it then passes through, as Foremast's ami_lookup did without an AMI source.</summary>
    private async Task<string?> AmiAsync(AwsSession session, string baseName, string? amiJsonUrl, CancellationToken cancellationToken)
    {
        try
        {
            return (await new AmiLookup(session, http).ResolveAsync(baseName, amiJsonUrl, cancellationToken).ConfigureAwait(false)).ImageId;
        }
        catch (AwsConfigurationException)
        {
            return null;
        }
    }

    /// <summary>The same default as the generator's wrapper (pipeline.json <c>base</c>, else tomcat8).</summary>
    private static string BaseName(JsonElement pipeline) =>
        pipeline.ValueKind == JsonValueKind.Object && pipeline.TryGetProperty("base", out var b) && b.ValueKind == JsonValueKind.String && b.GetString() is { Length: > 0 } name
            ? name
            : "tomcat8";
}
