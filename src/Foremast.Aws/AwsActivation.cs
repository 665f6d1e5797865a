namespace Foremast.Aws;

/// <summary>
/// Whether a local host (the local engine, <c>foremast run</c>) wires the live AWS executors: <c>Foremast:Aws:Enabled</c> when
/// set, else whenever the environment names AWS the way the SDKs read it (an endpoint, keys, a profile, a web identity or
/// container role) or the host exchanges its managed identity for an AWS role (<c>Foremast:Aws:WebIdentity:RoleArn</c>). A machine with none of these has no account to deploy to, so its runs keep the recording executors
/// (dry runs) and a real run fails its first cloud stage with one line. The Functions app always wires AWS.
/// </summary>
public static class AwsActivation
{
    /// <summary>The setting that decides explicitly (<c>Foremast__Aws__Enabled</c> in the environment).</summary>
    public const string EnabledKey = "Foremast:Aws:Enabled";

    /// <summary>The role the managed identity's token is exchanged for (see <c>ManagedIdentityWebIdentityCredentials</c>).</summary>
    public const string WebIdentityRoleArnKey = "Foremast:Aws:WebIdentity:RoleArn";

    private static readonly string[] Variables =
    [
        "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    ];

    public static bool IsEnabled(bool? configured, Func<string, string?>? environment = null, string? webIdentityRoleArn = null)
    {
        if (configured is { } value) return value;
        if (!string.IsNullOrEmpty(webIdentityRoleArn)) return true;
        var env = environment ?? Environment.GetEnvironmentVariable;
        return Variables.Any(v => !string.IsNullOrEmpty(env(v)));
    }
}
