using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Foremast.Core.Config.Aws;

namespace Foremast.Aws.Credentials;

/// <summary>
/// The credentials an env deploys with, in this order: the global config's <c>aws.accounts.{env}</c> (a profile, or a role
/// assumed through STS and refreshed before it expires), else a shared-config profile named after the env (Foremast's
/// convention), else the base credentials: the Azure managed identity exchanged for a role when
/// <c>Foremast:Aws:WebIdentity:RoleArn</c> is set (<see cref="ManagedIdentityWebIdentityCredentials"/>), otherwise the SDK's default
/// chain (environment variables, web identity file, instance role). An account's role_arn is assumed with the base credentials.
/// </summary>
public sealed class AwsCredentialsResolver(ICredentialProfileSource? profiles = null, Func<AWSCredentials>? baseCredentials = null)
{
    private readonly ICredentialProfileSource _profiles = profiles ?? new CredentialProfileStoreChainSource(new CredentialProfileStoreChain());
    private readonly ConcurrentDictionary<(string Env, AwsAccount? Account), AWSCredentials> _cache = new();

    /// <exception cref="AwsConfigurationException">The configured profile does not exist.</exception>
    public AWSCredentials For(string env, AwsSettings settings)
    {
        var account = settings.Accounts.GetValueOrDefault(env);
        return _cache.GetOrAdd((env, account), key => Resolve(key.Env, key.Account));
    }

    private AWSCredentials Resolve(string env, AwsAccount? account)
    {
        if (account?.Profile is { } profile)
        {
            return _profiles.TryGetAWSCredentials(profile, out var fromProfile)
                ? fromProfile
                : throw new AwsConfigurationException($"aws.accounts.{env}.profile: no AWS profile named \"{profile}\" in the shared config or credentials file");
        }

        if (account?.RoleArn is { } role)
        {
            // AssumeRoleAWSCredentials caches the session and refreshes it shortly before it expires.
            return new AssumeRoleAWSCredentials(Base(), role, $"foremast-{env}");
        }

        return _profiles.TryGetAWSCredentials(env, out var named) ? named : Base();
    }

    private AWSCredentials Base() => baseCredentials is null ? DefaultAWSCredentialsIdentityResolver.GetCredentials() : baseCredentials();
}
