using System.Globalization;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;

namespace Foremast.Aws.S3;

/// <summary>
/// <c>s3.lifecycle.lifecycle_rules</c> (boto3's <c>LifecycleConfiguration.Rules</c> shape, as Foremast passed it through) as SDK rules,
/// and a canonical key per rule to compare a live configuration with the config. The keys a rule may use are the ones below;
/// any other is refused with its path rather than dropped.
/// </summary>
public static class S3Lifecycle
{
    private static readonly string[] Supported =
        ["ID", "Status", "Prefix", "Filter", "Expiration", "Transitions", "NoncurrentVersionExpiration", "NoncurrentVersionTransitions", "AbortIncompleteMultipartUpload"];

    /// <exception cref="AwsConfigurationException">A key this engine does not map (one line with its path).</exception>
    public static List<LifecycleRule> Rules(IReadOnlyList<JsonElement> rules, string file)
    {
        var result = new List<LifecycleRule>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var at = $"s3.lifecycle.lifecycle_rules[{i}] ({file})";
            if (rule.ValueKind != JsonValueKind.Object) throw new AwsConfigurationException($"{at}: expected an object");
            if (rule.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !Supported.Contains(n)) is { } unknown)
                throw new AwsConfigurationException($"{at}.{unknown}: not supported here; a rule may use {string.Join(", ", Supported)}");
            var prefix = Text(rule, "Prefix") ?? (rule.TryGetProperty("Filter", out var filter) && filter.ValueKind == JsonValueKind.Object ? Text(filter, "Prefix") : null) ?? "";
            var mapped = new LifecycleRule
            {
                Id = Text(rule, "ID") ?? $"rule-{i + 1}",
                Status = LifecycleRuleStatus.FindValue(Text(rule, "Status") ?? "Enabled"),
                Filter = new LifecycleFilter { LifecycleFilterPredicate = new LifecyclePrefixPredicate { Prefix = prefix } },
            };
            if (Object(rule, "Expiration") is { } expiration)
                mapped.Expiration = new LifecycleRuleExpiration { Days = Int(expiration, "Days"), ExpiredObjectDeleteMarker = Bool(expiration, "ExpiredObjectDeleteMarker") };
            if (Array(rule, "Transitions") is { } transitions)
                mapped.Transitions = transitions.Select(t => new LifecycleTransition { Days = Int(t, "Days"), StorageClass = S3StorageClass.FindValue(Text(t, "StorageClass") ?? "GLACIER") }).ToList();
            if (Object(rule, "NoncurrentVersionExpiration") is { } noncurrent)
                mapped.NoncurrentVersionExpiration = new LifecycleRuleNoncurrentVersionExpiration { NoncurrentDays = Int(noncurrent, "NoncurrentDays") };
            if (Array(rule, "NoncurrentVersionTransitions") is { } noncurrentTransitions)
            {
                mapped.NoncurrentVersionTransitions = noncurrentTransitions.Select(t => new LifecycleRuleNoncurrentVersionTransition
                {
                    NoncurrentDays = Int(t, "NoncurrentDays"),
                    StorageClass = S3StorageClass.FindValue(Text(t, "StorageClass") ?? "GLACIER"),
                }).ToList();
            }

            if (Object(rule, "AbortIncompleteMultipartUpload") is { } abort)
                mapped.AbortIncompleteMultipartUpload = new LifecycleRuleAbortIncompleteMultipartUpload { DaysAfterInitiation = Int(abort, "DaysAfterInitiation") };
            result.Add(mapped);
        }

        return result;
    }

    public static bool Same(IEnumerable<LifecycleRule>? live, IEnumerable<LifecycleRule> desired) =>
        (live ?? []).Select(Key).Order(StringComparer.Ordinal).SequenceEqual(desired.Select(Key).Order(StringComparer.Ordinal));

    /// <summary>What a rule does, spelled the same for a rule read back from S3 (the prefix may come back on the rule or its filter).</summary>
    private static string Key(LifecycleRule rule)
    {
        // S3 reads back the rule's own Prefix (deprecated, but what older rules carry) when it has no filter.
#pragma warning disable CS0618
        var prefix = (rule.Filter?.LifecycleFilterPredicate as LifecyclePrefixPredicate)?.Prefix ?? rule.Filter?.Prefix ?? rule.Prefix ?? "";
#pragma warning restore CS0618
        var parts = new List<string> { rule.Id ?? "", rule.Status?.Value ?? "", prefix };
        if (rule.Expiration is { } e && (e.Days is not null || e.ExpiredObjectDeleteMarker is true)) parts.Add($"expire {e.Days} {e.ExpiredObjectDeleteMarker}");
        parts.AddRange((rule.Transitions ?? []).Select(t => $"transition {t.Days} {t.StorageClass?.Value}"));
        if (rule.NoncurrentVersionExpiration?.NoncurrentDays is { } days) parts.Add($"noncurrent expire {days}");
        parts.AddRange((rule.NoncurrentVersionTransitions ?? []).Select(t => $"noncurrent transition {t.NoncurrentDays} {t.StorageClass?.Value}"));
        if (rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation is { } abort) parts.Add($"abort {abort}");
        return string.Join('|', parts);
    }

    private static string? Text(JsonElement o, string key) => o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement o, string key) => o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    private static bool? Bool(JsonElement o, string key) => o.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static JsonElement? Object(JsonElement o, string key) => o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static List<JsonElement>? Array(JsonElement o, string key) => o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()] : null;

    internal static string Describe(IReadOnlyList<LifecycleRule> rules) =>
        string.Join(", ", rules.Select(r => r.Id)) is { Length: > 0 } ids ? ids : string.Create(CultureInfo.InvariantCulture, $"{rules.Count} rules");
}
