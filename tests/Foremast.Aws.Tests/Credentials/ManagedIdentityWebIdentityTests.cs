using System.Net;
using Amazon.Runtime;
using Foremast.Aws.Credentials;
using Foremast.Aws.Http;
using Foremast.Aws.Tests.Support;
using Foremast.Core.Config.Aws;

namespace Foremast.Aws.Tests.Credentials;

/// <summary>
/// The managed identity exchange end to end: a real identity endpoint on loopback, STS AssumeRoleWithWebIdentity on moto
/// (which accepts any token) behind a recording proxy, and later calls signed with what STS returned.
/// </summary>
public sealed class ManagedIdentityWebIdentityTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Role = "arn:aws:iam::123456789012:role/foremast-deployer";
    private const string Audience = "api://AzureADTokenExchange";

    private static AwsOptions Options(string stsUrl, IdentityEndpoint identity, string? header = null, TimeSpan? refreshBefore = null) => new()
    {
        EndpointUrl = stsUrl,
        WebIdentity = new WebIdentityOptions
        {
            RoleArn = Role,
            Audience = Audience,
            ClientId = "11111111-2222-3333-4444-555555555555",
            TokenEndpoint = identity.Url,
            TokenHeader = header ?? identity.Header,
            Duration = TimeSpan.FromMinutes(15),
            RefreshBeforeExpiry = refreshBefore ?? TimeSpan.FromMinutes(5),
        },
    };

    // No IDENTITY_* or AWS_ENDPOINT_URL* from the machine: the options decide.
    private static string? NoEnvironment(string name) => null;

    [Fact]
    public async Task Sends_the_managed_identity_token_as_the_web_identity_token_and_signs_later_calls_with_the_assumed_role()
    {
        await using var identity = await IdentityEndpoint.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        var options = Options(proxy.Url, identity);
        var credentials = ManagedIdentityWebIdentityCredentials.Create(options, NoEnvironment);

        var session = await credentials.GetCredentialsAsync();

        var asked = Assert.Single(identity.Requests);
        Assert.Equal(new TokenRequest(Audience, "11111111-2222-3333-4444-555555555555", "2019-08-01", identity.Header), asked);
        var (_, body) = Assert.Single(proxy.Requests, r => r.Body.Contains("Action=AssumeRoleWithWebIdentity", StringComparison.Ordinal));
        var form = ParseForm(body);
        Assert.Equal(IdentityEndpoint.TokenNumber(1), form["WebIdentityToken"]);
        Assert.Equal(Role, form["RoleArn"]);
        Assert.Equal("foremast", form["RoleSessionName"]);
        Assert.False(string.IsNullOrEmpty(session.Token));

        // A later call through the product's own client chain, with the exchange as the base credentials: moto answers
        // GetCallerIdentity with the assumed role only for an access key it issued for that role.
        using var clients = new AwsClientBuilder(
            new AwsOptions { EndpointUrl = moto.Url, Retry = AwsTestClients.FastRetry },
            new AwsCredentialsResolver(new NoProfiles(), () => credentials),
            []);
        var caller = await clients.Query(AwsService.Sts, new AwsTarget("prod", "us-east-1", true, AwsSettings.Empty))
            .CallAsync("GetCallerIdentity", null, CancellationToken.None);

        Assert.Equal("arn:aws:sts::123456789012:assumed-role/foremast-deployer/foremast", caller.Value("Arn"));
    }

    [Fact]
    public async Task Keeps_the_session_until_it_nears_expiry()
    {
        await using var identity = await IdentityEndpoint.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        var credentials = ManagedIdentityWebIdentityCredentials.Create(Options(proxy.Url, identity), NoEnvironment);

        var first = await credentials.GetCredentialsAsync();
        var second = await credentials.GetCredentialsAsync();

        Assert.Equal(first.AccessKey, second.AccessKey);
        Assert.Single(identity.Requests);
        Assert.Single(proxy.Requests, r => r.Body.Contains("Action=AssumeRoleWithWebIdentity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exchanges_a_fresh_token_once_the_session_is_inside_the_refresh_window()
    {
        await using var identity = await IdentityEndpoint.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        // A refresh window as long as the session: every session is already "near expiry" when it arrives.
        var credentials = ManagedIdentityWebIdentityCredentials.Create(Options(proxy.Url, identity, refreshBefore: TimeSpan.FromMinutes(15)), NoEnvironment);

        var first = await credentials.GetCredentialsAsync();
        // Inside the window the SDK hands out the still-valid session and exchanges again in the background.
        var later = await credentials.GetCredentialsAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (later.AccessKey == first.AccessKey && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            later = await credentials.GetCredentialsAsync();
        }

        Assert.Equal([IdentityEndpoint.TokenNumber(1), IdentityEndpoint.TokenNumber(2)], Exchanges(proxy).Take(2));
        Assert.NotEqual(first.AccessKey, later.AccessKey);
    }

    private static List<string> Exchanges(FaultProxy proxy) =>
        proxy.Requests.Where(r => r.Body.Contains("Action=AssumeRoleWithWebIdentity", StringComparison.Ordinal))
            .Select(r => ParseForm(r.Body)["WebIdentityToken"]).ToList();

    [Fact]
    public async Task Refused_identity_token_is_one_line_naming_the_option_and_the_endpoints_reason()
    {
        await using var identity = await IdentityEndpoint.StartAsync();
        var credentials = ManagedIdentityWebIdentityCredentials.Create(Options(moto.Url, identity, header: "wrong-secret"), NoEnvironment);

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => credentials.GetCredentialsAsync());

        Assert.Equal("Foremast:Aws:WebIdentity: managed identity endpoint refused a token for \"api://AzureADTokenExchange\": 400 Unable to authenticate the request: header mismatch", error.Message);
    }

    [Fact]
    public void Without_a_managed_identity_endpoint_the_exchange_is_refused_with_one_line()
    {
        var options = new AwsOptions { WebIdentity = new WebIdentityOptions { RoleArn = Role, Audience = Audience } };

        var error = Assert.Throws<AwsConfigurationException>(() => ManagedIdentityWebIdentityCredentials.Create(options, NoEnvironment));

        Assert.StartsWith("Foremast:Aws:WebIdentity:RoleArn is set but no managed identity endpoint is available: IDENTITY_ENDPOINT and IDENTITY_HEADER are unset", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Reads_the_endpoint_and_header_from_the_app_service_variables()
    {
        var env = new Dictionary<string, string> { ["IDENTITY_ENDPOINT"] = "http://127.0.0.1:41234/msi/token", ["IDENTITY_HEADER"] = "h" };
        var options = new AwsOptions { WebIdentity = new WebIdentityOptions { RoleArn = Role, Audience = Audience } };

        var credentials = ManagedIdentityWebIdentityCredentials.Create(options, n => env.GetValueOrDefault(n));

        Assert.Equal(Role, credentials.RoleArn);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/deployer", null, "Foremast:Aws:WebIdentity:RoleArn: expected an IAM role ARN (arn:aws:iam::<account>:role/<name>), got \"arn:aws:iam::123456789012:user/deployer\"")]
    [InlineData(Role, "", "Foremast:Aws:WebIdentity:Audience: required with RoleArn (the audience the IAM OIDC provider lists, e.g. api://foremast-aws)")]
    public void Half_configured_exchange_fails_validation_with_one_line(string role, string? audience, string expected)
    {
        var result = new WebIdentityOptionsValidator().Validate(null, new AwsOptions { WebIdentity = new WebIdentityOptions { RoleArn = role, Audience = audience } });

        Assert.Equal(expected, Assert.Single(result.Failures!));
    }

    [Fact]
    public void Unconfigured_exchange_is_off_and_passes_validation()
    {
        Assert.True(new WebIdentityOptionsValidator().Validate(null, new AwsOptions()).Succeeded);
    }

    private static Dictionary<string, string> ParseForm(string body) =>
        body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));

    private sealed class NoProfiles : ICredentialProfileSource
    {
        public bool TryGetAWSCredentials(string profileName, out AWSCredentials credentials)
        {
            credentials = null!;
            return false;
        }
    }
}
