namespace Foremast.Aws.Credentials;

/// <summary>
/// <c>Foremast:Aws:WebIdentity</c>: AWS credentials from the Azure managed identity, without long-lived keys. The identity's
/// Entra ID token for <see cref="Audience"/> is exchanged for <see cref="RoleArn"/> through STS AssumeRoleWithWebIdentity.
/// Off unless <see cref="RoleArn"/> is set.
/// </summary>
public sealed class WebIdentityOptions
{
    /// <summary>The IAM role to assume (its trust policy names the tenant's OIDC provider and this identity).</summary>
    public string? RoleArn { get; set; }

    /// <summary>Resource the managed identity token is requested for; the IAM OIDC provider lists it as a client id (aud).</summary>
    public string? Audience { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty: the app's system-assigned identity.</summary>
    public string? ClientId { get; set; }

    public string SessionName { get; set; } = "foremast";

    /// <summary>The managed identity endpoint; empty: <c>IDENTITY_ENDPOINT</c>, which App Service and Functions set.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>The secret the endpoint expects in <c>X-IDENTITY-HEADER</c>; empty: <c>IDENTITY_HEADER</c>.</summary>
    public string? TokenHeader { get; set; }

    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before expiry the credentials are exchanged again.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(RoleArn);
}
