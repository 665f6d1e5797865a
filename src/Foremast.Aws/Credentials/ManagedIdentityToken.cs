namespace Foremast.Aws.Credentials;

/// <summary>An Entra ID access token for the app's managed identity.</summary>
public sealed record ManagedIdentityToken(string AccessToken, DateTimeOffset ExpiresOn);
