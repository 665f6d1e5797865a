using Foremast.Aws.Resilience;

namespace Foremast.Aws;

/// <summary>Engine settings for AWS (<c>Foremast:Aws</c>). Credentials and accounts are not here: see <see cref="Credentials.AwsCredentialsResolver"/>.</summary>
public sealed class AwsOptions
{
    public const string Section = "Foremast:Aws";

    /// <summary>
    /// One endpoint for every service (moto, a proxy), winning over <c>AWS_ENDPOINT_URL</c>; null uses the variables, then AWS.
    /// </summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Used by the SDK clients' request signing when a custom endpoint is set and nothing else names a region.</summary>
    public string DefaultRegion { get; set; } = "us-east-1";

    public AwsResilienceOptions Retry { get; set; } = new();

    /// <summary>The managed identity exchanged for an AWS role; when set, it replaces the SDK's default chain as the base credentials.</summary>
    public Credentials.WebIdentityOptions WebIdentity { get; set; } = new();
}
