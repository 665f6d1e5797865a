using Amazon.Runtime;
using Foremast.Aws.Credentials;
using Foremast.Core.Config.Aws;

namespace Foremast.Aws.Tests;

public sealed class AwsCredentialsResolverTests
{
    private sealed class Profiles(params string[] names) : ICredentialProfileSource
    {
        public bool TryGetAWSCredentials(string profileName, out AWSCredentials credentials)
        {
            credentials = new BasicAWSCredentials("key-" + profileName, "secret");
            return names.Contains(profileName);
        }
    }

    private static AwsSettings Accounts(string env, AwsAccount account) => AwsSettings.Empty with { Accounts = new Dictionary<string, AwsAccount> { [env] = account } };

    [Fact]
    public void Profile_named_after_the_env_is_used_when_the_config_names_none()
    {
        var credentials = new AwsCredentialsResolver(new Profiles("prod")).For("prod", AwsSettings.Empty);

        Assert.Equal("key-prod", credentials.GetCredentials().AccessKey);
    }

    [Fact]
    public void Configured_profile_wins_over_the_env_named_one()
    {
        var credentials = new AwsCredentialsResolver(new Profiles("prod", "deployer")).For("prod", Accounts("prod", new AwsAccount("deployer", null)));

        Assert.Equal("key-deployer", credentials.GetCredentials().AccessKey);
    }

    [Fact]
    public void Missing_configured_profile_is_one_clear_error()
    {
        var error = Assert.Throws<Foremast.Aws.AwsConfigurationException>(() =>
            new AwsCredentialsResolver(new Profiles()).For("stage", Accounts("stage", new AwsAccount("nope", null))));

        Assert.Equal("aws.accounts.stage.profile: no AWS profile named \"nope\" in the shared config or credentials file", error.Message);
    }

    [Fact]
    public void Role_is_assumed_through_sts_and_the_credentials_object_is_reused()
    {
        // The role is assumed with the default chain's credentials: set them here rather than rely on a moto fixture having run first.
        Support.MotoServer.EnsureTestCredentials();
        var resolver = new AwsCredentialsResolver(new Profiles());
        var settings = Accounts("prod", new AwsAccount(null, "arn:aws:iam::123456789012:role/deployer"));

        var first = resolver.For("prod", settings);

        var assumed = Assert.IsType<AssumeRoleAWSCredentials>(first);
        Assert.Equal("arn:aws:iam::123456789012:role/deployer", assumed.RoleArn);
        Assert.Equal("foremast-prod", assumed.RoleSessionName);
        Assert.Same(first, resolver.For("prod", settings));
    }
}
