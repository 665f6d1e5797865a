using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Foremast.Aws.Http;

namespace Foremast.Aws.Credentials;

/// <summary>
/// AWS credentials from the Azure managed identity: a token for the configured audience, exchanged for the role through STS
/// AssumeRoleWithWebIdentity (an unsigned call: the token is the proof). The SDK's <see cref="RefreshingAWSCredentials"/> keeps
/// the session and exchanges again <see cref="WebIdentityOptions.RefreshBeforeExpiry"/> before it expires.
/// </summary>
public sealed class ManagedIdentityWebIdentityCredentials : RefreshingAWSCredentials
{
    private readonly WebIdentityOptions _options;
    private readonly ManagedIdentityTokenClient _tokens;
    private readonly IAmazonSecurityTokenService _sts;

    public ManagedIdentityWebIdentityCredentials(WebIdentityOptions options, ManagedIdentityTokenClient tokens, IAmazonSecurityTokenService sts)
    {
        _options = options;
        _tokens = tokens;
        _sts = sts;
        PreemptExpiryTime = options.RefreshBeforeExpiry;
    }

    public string RoleArn => _options.RoleArn!;

    /// <summary>
    /// From options and the process environment (<c>IDENTITY_ENDPOINT</c>, <c>IDENTITY_HEADER</c>), STS at the endpoint AWS
    /// clients use (<see cref="AwsOptions.EndpointUrl"/>, then <c>AWS_ENDPOINT_URL_STS</c>/<c>AWS_ENDPOINT_URL</c>).
    /// </summary>
    /// <exception cref="AwsConfigurationException">Not running with a managed identity endpoint and none configured.</exception>
    public static ManagedIdentityWebIdentityCredentials Create(AwsOptions aws, Func<string, string?>? environment = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        var options = aws.WebIdentity;
        var endpoint = Pick(options.TokenEndpoint, env("IDENTITY_ENDPOINT"));
        var header = Pick(options.TokenHeader, env("IDENTITY_HEADER"));
        if (endpoint is null || header is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri))
        {
            throw new AwsConfigurationException(
                "Foremast:Aws:WebIdentity:RoleArn is set but no managed identity endpoint is available: IDENTITY_ENDPOINT and IDENTITY_HEADER are unset (not running on App Service or Functions with an identity) and Foremast:Aws:WebIdentity:TokenEndpoint/TokenHeader are empty");
        }

        var tokens = new ManagedIdentityTokenClient(endpointUri, header, Pick(options.ClientId, null), new HttpClient { Timeout = TimeSpan.FromSeconds(15) });
        var config = new AmazonSecurityTokenServiceConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(aws.DefaultRegion) };
        if (new AwsEndpoints(aws.EndpointUrl, env).Custom(AwsService.Sts) is { } custom)
        {
            config.ServiceURL = custom;
            config.AuthenticationRegion = aws.DefaultRegion;
        }

        return new ManagedIdentityWebIdentityCredentials(options, tokens, new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), config));
    }

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var token = await _tokens.GetTokenAsync(_options.Audience!, CancellationToken.None).ConfigureAwait(false);
        AssumeRoleWithWebIdentityResponse response;
        try
        {
            response = await _sts.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
            {
                RoleArn = _options.RoleArn,
                RoleSessionName = _options.SessionName,
                WebIdentityToken = token.AccessToken,
                DurationSeconds = (int)_options.Duration.TotalSeconds,
            }).ConfigureAwait(false);
        }
        catch (AmazonServiceException e)
        {
            // The token stays out of the message: AWS's own message names the role and the reason (untrusted issuer, audience…).
            throw new AwsConfigurationException($"Foremast:Aws:WebIdentity: STS AssumeRoleWithWebIdentity for {_options.RoleArn} failed: {e.ErrorCode}: {e.Message}");
        }

        var c = response.Credentials;
        return new CredentialsRefreshState(
            new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken),
            c.Expiration is { } expires ? expires.ToUniversalTime() : DateTime.UtcNow.Add(_options.Duration));
    }

    private static string? Pick(string? configured, string? fallback) =>
        !string.IsNullOrWhiteSpace(configured) ? configured : !string.IsNullOrWhiteSpace(fallback) ? fallback : null;
}
