using System.Security.Cryptography;
using System.Text;

namespace Foremast.Workflows.Webhooks;

/// <summary>Signature and token checks for hook deliveries, all in constant time over the raw body bytes.</summary>
public static class WebhookSignature
{
    /// <summary>The header of our own signed deliveries: generic hooks we receive and the notification webhooks we send.</summary>
    public const string Header = "X-Foremast-Signature";

    /// <summary><c>sha256=</c> + hex HMAC-SHA256 of the body (GitHub <c>X-Hub-Signature-256</c>, Bitbucket <c>X-Hub-Signature</c>).</summary>
    public static bool VerifySha256(byte[] body, string secret, string? header)
    {
        const string prefix = "sha256=";
        if (header is null || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(prefix.Length).Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body), given);
    }

    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>A plain shared token (GitLab <c>X-Gitlab-Token</c>). Both sides are hashed first so the comparison leaks no length either.</summary>
    public static bool VerifyToken(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
