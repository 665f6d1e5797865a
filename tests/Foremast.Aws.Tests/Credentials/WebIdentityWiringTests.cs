using Amazon.Runtime;
using Foremast.Aws.Credentials;
using Foremast.Aws.Extensions;
using Foremast.Core.Config.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Foremast.Aws.Tests.Credentials;

/// <summary>Configuration selects the managed identity exchange where account credentials are resolved (aws.accounts).</summary>
public sealed class WebIdentityWiringTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddForemastAwsClients().BuildServiceProvider();
    }

    private static Dictionary<string, string?> Configured(string role = "arn:aws:iam::123456789012:role/foremast") => new()
    {
        ["Foremast:Aws:WebIdentity:RoleArn"] = role,
        ["Foremast:Aws:WebIdentity:Audience"] = "api://AzureADTokenExchange",
        ["Foremast:Aws:WebIdentity:TokenEndpoint"] = "http://127.0.0.1:9/msi/token",
        ["Foremast:Aws:WebIdentity:TokenHeader"] = "h",
    };

    [Fact]
    public void An_env_without_an_account_entry_deploys_with_the_managed_identity_exchange()
    {
        using var services = Services(Configured());

        var credentials = services.GetRequiredService<AwsCredentialsResolver>().For("prod", AwsSettings.Empty);

        Assert.Equal("arn:aws:iam::123456789012:role/foremast", Assert.IsType<ManagedIdentityWebIdentityCredentials>(credentials).RoleArn);
    }

    [Fact]
    public void An_account_role_arn_is_assumed_from_the_managed_identity_session()
    {
        using var services = Services(Configured());
        var settings = AwsSettings.Empty with { Accounts = new Dictionary<string, AwsAccount> { ["prod"] = new(null, "arn:aws:iam::210987654321:role/deployer") } };

        var credentials = services.GetRequiredService<AwsCredentialsResolver>().For("prod", settings);

        var assumed = Assert.IsType<AssumeRoleAWSCredentials>(credentials);
        Assert.IsType<ManagedIdentityWebIdentityCredentials>(assumed.SourceCredentials);
    }

    [Fact]
    public void A_bad_role_arn_stops_start_up_with_the_option_named()
    {
        using var services = Services(Configured(role: "foremast-deployer"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AwsOptions>>().Value);

        Assert.Equal("Foremast:Aws:WebIdentity:RoleArn: expected an IAM role ARN (arn:aws:iam::<account>:role/<name>), got \"foremast-deployer\"", error.Message);
    }
}
