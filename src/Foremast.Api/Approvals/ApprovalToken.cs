using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Foremast.Api.Approvals;

/// <summary>
/// Signed, URL-safe approval tokens: <c>base64url(payload) "." base64url(HMAC-SHA256(key, "foremast.approval.v1." + payload))</c>,
/// where the payload is the JSON array <c>["v1", runId, region, env, expiresAtUnixMs]</c>. The token is the only
/// capability in a link: it names no secret, cannot be altered without the key, and dies with its gate.
/// Older keys still verify, so the signing key can be rotated while gates are open.
/// </summary>
public sealed class ApprovalToken
{
    public const int MinimumKeyLength = 32;

    private const string Version = "v1";
    private const string Purpose = "foremast.approval.v1.";
    private const int MaxLength = 2048;

    private readonly byte[] _signingKey;
    private readonly IReadOnlyList<byte[]> _verifyingKeys;

    public ApprovalToken(string signingKey, IEnumerable<string>? previousKeys = null)
    {
        if (signingKey.Length < MinimumKeyLength) throw new ArgumentException($"the approval signing key needs at least {MinimumKeyLength} characters", nameof(signingKey));
        _signingKey = Encoding.UTF8.GetBytes(signingKey);
        _verifyingKeys = [_signingKey, .. (previousKeys ?? []).Where(k => k.Length >= MinimumKeyLength).Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>Null when no usable key is configured: approval links are then refused, never left unsigned.</summary>
    public static ApprovalToken? FromOptions(ApprovalOptions options) =>
        options.SigningKey is { Length: >= MinimumKeyLength } key ? new ApprovalToken(key, options.PreviousSigningKeys) : null;

    public string Create(ApprovalClaims claims)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new object[] { Version, claims.RunId, claims.Region, claims.Env, claims.ExpiresAt.ToUnixTimeMilliseconds() });
        var encoded = Base64Url.EncodeToString(payload);
        return encoded + "." + Base64Url.EncodeToString(Mac(_signingKey, encoded));
    }

    public TokenCheck Verify(string token, DateTimeOffset now)
    {
        var claims = Read(token);
        if (claims is null) return new TokenCheck(TokenState.Invalid, null);
        return now >= claims.ExpiresAt ? new TokenCheck(TokenState.Expired, claims) : new TokenCheck(TokenState.Valid, claims);
    }

    /// <summary>The claims of a token whose signature matches a key; null for anything else. The signature is checked first.</summary>
    private ApprovalClaims? Read(string token)
    {
        if (token.Length > MaxLength) return null;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) return null;
        var encoded = token[..dot];
        if (!Base64Url.IsValid(token.AsSpan(dot + 1)) || !Base64Url.IsValid(encoded)) return null;
        var signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        if (!_verifyingKeys.Any(key => CryptographicOperations.FixedTimeEquals(Mac(key, encoded), signature))) return null;

        try
        {
            var fields = JsonSerializer.Deserialize<JsonElement[]>(Base64Url.DecodeFromChars(encoded));
            if (fields is not { Length: 5 } || fields[0].GetString() != Version) return null;
            return new ApprovalClaims(fields[1].GetString()!, fields[2].GetString()!, fields[3].GetString()!, DateTimeOffset.FromUnixTimeMilliseconds(fields[4].GetInt64()));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static byte[] Mac(byte[] key, string encodedPayload) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(Purpose + encodedPayload));
}
