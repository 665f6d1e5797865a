using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;

namespace Foremast.Aws.S3;

/// <summary><c>s3.encryption.encryption_rules</c> (boto3's shape) as SDK rules, and whether a live configuration already says the same.</summary>
public static class S3Encryption
{
    public static List<ServerSideEncryptionRule> Rules(JsonElement rules) => rules.EnumerateArray().Select(rule =>
    {
        var result = new ServerSideEncryptionRule();
        if (rule.TryGetProperty("ApplyServerSideEncryptionByDefault", out var d) && d.ValueKind == JsonValueKind.Object)
        {
            result.ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault
            {
                ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.FindValue(Text(d, "SSEAlgorithm") ?? "AES256"),
                ServerSideEncryptionKeyManagementServiceKeyId = Text(d, "KMSMasterKeyID"),
            };
        }

        if (rule.TryGetProperty("BucketKeyEnabled", out var k) && k.ValueKind is JsonValueKind.True or JsonValueKind.False) result.BucketKeyEnabled = k.GetBoolean();
        return result;
    }).ToList();

    public static bool Same(IEnumerable<ServerSideEncryptionRule>? live, IEnumerable<ServerSideEncryptionRule> desired) =>
        (live ?? []).Select(Key).SequenceEqual(desired.Select(Key));

    /// <summary>
    /// AWS encrypts every bucket with SSE-S3 by default since 2023 and a delete only restores that default, so "no encryption
    /// configured" is met by it: otherwise every run would delete it again.
    /// </summary>
    public static bool IsAwsDefault(IEnumerable<ServerSideEncryptionRule>? live) =>
        (live ?? []).All(r => Key(r) is ("AES256", null, false));

    private static (string?, string?, bool) Key(ServerSideEncryptionRule rule) => (
        rule.ServerSideEncryptionByDefault?.ServerSideEncryptionAlgorithm?.Value,
        string.IsNullOrEmpty(rule.ServerSideEncryptionByDefault?.ServerSideEncryptionKeyManagementServiceKeyId) ? null : rule.ServerSideEncryptionByDefault.ServerSideEncryptionKeyManagementServiceKeyId,
        rule.BucketKeyEnabled ?? false);

    private static string? Text(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
