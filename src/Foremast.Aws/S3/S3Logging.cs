using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Foremast.Core.Config.Settings;

namespace Foremast.Aws.S3;

/// <summary><c>s3.logging</c> as the SDK's logging config (prefix default <c>{app}/</c>, as Foremast's template), and its comparison with S3's.</summary>
public static class S3Logging
{
    public static S3BucketLoggingConfig Config(S3LoggingSettings logging, string app) => new()
    {
        TargetBucketName = logging.Bucket,
        TargetPrefix = logging.Prefix ?? $"{app}/",
        Grants = logging.Grants.EnumerateArray().Select(Grant).ToList(),
    };

    /// <summary>Both off, or the same target, prefix and grants.</summary>
    public static bool Same(S3BucketLoggingConfig? live, S3BucketLoggingConfig? desired) =>
        Key(live) == Key(desired);

    public static bool IsOn(S3BucketLoggingConfig? config) => !string.IsNullOrEmpty(config?.TargetBucketName);

    private static string Key(S3BucketLoggingConfig? config) => !IsOn(config)
        ? ""
        : string.Join('|', config!.TargetBucketName, config.TargetPrefix ?? "",
            string.Join(',', (config.Grants ?? []).Select(g => $"{g.Grantee?.CanonicalUser}{g.Grantee?.URI}{g.Grantee?.EmailAddress}:{g.Permission?.Value}").Order(StringComparer.Ordinal)));

    private static S3Grant Grant(JsonElement grant)
    {
        var grantee = grant.TryGetProperty("Grantee", out var g) && g.ValueKind == JsonValueKind.Object ? g : default;
        return new S3Grant
        {
            Grantee = new S3Grantee
            {
                CanonicalUser = Text(grantee, "ID"),
                URI = Text(grantee, "URI"),
                EmailAddress = Text(grantee, "EmailAddress"),
            },
            Permission = S3Permission.FindValue(Text(grant, "Permission") ?? "READ"),
        };
    }

    private static string? Text(JsonElement o, string key) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
