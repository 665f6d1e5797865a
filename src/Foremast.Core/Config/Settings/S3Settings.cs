using System.Text.Json;
using Foremast.Core.Validation;

namespace Foremast.Core.Config.Settings;

/// <summary>
/// What the S3 infrastructure reads from an env/region document: the <c>s3</c> block of type-s3 apps (reference §5.6, keys of
/// <c>Validation/Spec/S3Spec.cs</c>, defaults of <c>configs.json.sbn</c>) and, from <c>app</c>, <c>archaius_enabled</c>
/// (§9.8) and <c>custom_tags</c> (which Foremast put on the bucket with the highest precedence).
/// </summary>
/// <param name="BucketPolicy">The policy document, or null for <c>{}</c> (Foremast deleted the policy then).</param>
/// <param name="EncryptionRules">The <c>ServerSideEncryptionConfiguration.Rules</c> when encryption is enabled, else null.</param>
/// <param name="CorsRules">The CORS rules when <c>s3.cors.enabled</c>, else null (Foremast put them only on a website bucket).</param>
/// <param name="LifecycleRules">The non-empty entries of <c>s3.lifecycle.lifecycle_rules</c> (boto3's shape) when enabled, else null.</param>
/// <param name="Logging">Access logging when <c>s3.logging.enabled</c>, else null.</param>
public sealed record S3Settings(
    bool ArchaiusEnabled,
    bool SharedBucketMaster,
    string? SharedBucketTarget,
    string BucketName,
    string BucketAcl,
    JsonElement? BucketPolicy,
    bool VersioningEnabled,
    JsonElement? EncryptionRules,
    bool WebsiteEnabled,
    string WebsiteIndex,
    string WebsiteError,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, string> CustomTags,
    IReadOnlyList<S3CorsRuleSettings>? CorsRules = null,
    IReadOnlyList<JsonElement>? LifecycleRules = null,
    S3LoggingSettings? Logging = null)
{
    /// <exception cref="ConfigValidationException">A value of the wrong shape.</exception>
    public static S3Settings From(JsonElement doc, string file)
    {
        var errors = new List<Diagnostic>();
        var app = Block(doc, "app");
        var s3 = Block(doc, "s3");
        var encryption = Block(s3, "encryption");
        var versioning = Block(s3, "versioning");
        var website = Block(s3, "website");
        var policy = s3.ValueKind == JsonValueKind.Object && s3.TryGetProperty("bucket_policy", out var p) && p.ValueKind == JsonValueKind.Object && p.EnumerateObject().Any() ? p.Clone() : (JsonElement?)null;
        var encryptionEnabled = Bool(encryption, "enabled", false, file, "$.s3.encryption.enabled", errors);
        JsonElement? rules = null;
        if (encryptionEnabled)
        {
            rules = encryption.TryGetProperty("encryption_rules", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.Clone()
                : JsonElement.Parse("""[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]""");
        }

        var settings = new S3Settings(
            Bool(app, "archaius_enabled", false, file, "$.app.archaius_enabled", errors),
            Bool(s3, "shared_bucket_master", false, file, "$.s3.shared_bucket_master", errors),
            Text(s3, "shared_bucket_target") is { Length: > 0 } target ? target : null,
            Text(s3, "bucket_name") ?? "",
            Text(s3, "bucket_acl") ?? "private",
            policy,
            Bool(versioning, "enabled", false, file, "$.s3.versioning.enabled", errors),
            rules,
            Bool(website, "enabled", false, file, "$.s3.website.enabled", errors),
            Text(website, "index_suffix") ?? "index.html",
            Text(website, "error_document") ?? "404.html",
            Map(Block(s3, "tagging"), "tags", file, "$.s3.tagging.tags", errors),
            Map(app, "custom_tags", file, "$.app.custom_tags", errors),
            CorsOf(Block(s3, "cors"), file, errors),
            LifecycleOf(Block(s3, "lifecycle"), file, errors),
            LoggingOf(Block(s3, "logging"), file, errors));
        if (errors.Count > 0) throw new ConfigValidationException(errors);
        return settings;
    }

    private static List<S3CorsRuleSettings>? CorsOf(JsonElement cors, string file, List<Diagnostic> errors)
    {
        if (!Bool(cors, "enabled", false, file, "$.s3.cors.enabled", errors)) return null;
        var rules = new List<S3CorsRuleSettings>();
        if (!cors.TryGetProperty("cors_rules", out var list) || list.ValueKind != JsonValueKind.Array) return rules;
        var i = 0;
        foreach (var rule in list.EnumerateArray())
        {
            var at = $"$.s3.cors.cors_rules[{i++}]";
            var maxAge = 600;
            if (rule.TryGetProperty("cors_max_age", out var age) && age.ValueKind != JsonValueKind.Null && !age.TryGetInt32(out maxAge))
                errors.Add(Diagnostic.Error(file, at + ".cors_max_age", "expected a whole number of seconds"));
            rules.Add(new S3CorsRuleSettings(
                Strings(rule, "cors_headers", file, at, errors), Strings(rule, "cors_methods", file, at, errors), Strings(rule, "cors_origins", file, at, errors),
                Strings(rule, "cors_expose_headers", file, at, errors), maxAge));
        }

        return rules;
    }

    private static List<JsonElement>? LifecycleOf(JsonElement lifecycle, string file, List<Diagnostic> errors)
    {
        if (!Bool(lifecycle, "enabled", false, file, "$.s3.lifecycle.enabled", errors)) return null;
        if (!lifecycle.TryGetProperty("lifecycle_rules", out var list) || list.ValueKind != JsonValueKind.Array) return [];
        // Foremast's default is [{}]: an empty entry is no rule.
        return list.EnumerateArray().Where(r => r.ValueKind != JsonValueKind.Object || r.EnumerateObject().Any()).Select(r => r.Clone()).ToList();
    }

    private static S3LoggingSettings? LoggingOf(JsonElement logging, string file, List<Diagnostic> errors)
    {
        if (!Bool(logging, "enabled", false, file, "$.s3.logging.enabled", errors)) return null;
        if (Text(logging, "logging_bucket") is not { Length: > 0 } bucket)
        {
            errors.Add(Diagnostic.Error(file, "$.s3.logging.logging_bucket", "expected the name of the bucket that receives the access logs (s3.logging.enabled is true)"));
            return null;
        }

        var grants = logging.TryGetProperty("logging_grants", out var g) && g.ValueKind == JsonValueKind.Array ? g.Clone() : JsonElement.Parse("[]");
        return new S3LoggingSettings(bucket, Text(logging, "logging_bucket_prefix"), grants);
    }

    private static List<string> Strings(JsonElement block, string key, string file, string at, List<Diagnostic> errors)
    {
        if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)) return v.EnumerateArray().Select(e => e.GetString()!).ToList();
        errors.Add(Diagnostic.Error(file, $"{at}.{key}", "expected a list of strings"));
        return [];
    }

    private static JsonElement Block(JsonElement parent, string key) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var block) && block.ValueKind == JsonValueKind.Object ? block : default;

    private static string? Text(JsonElement block, string key) =>
        block.ValueKind == JsonValueKind.Object && block.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Bool(JsonElement block, string key, bool fallback, string file, string path, List<Diagnostic> errors)
    {
        if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return fallback;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        errors.Add(Diagnostic.Error(file, path, "expected true or false"));
        return fallback;
    }

    private static Dictionary<string, string> Map(JsonElement block, string key, string file, string path, List<Diagnostic> errors)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return map;
        if (v.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Diagnostic.Error(file, path, "expected an object of tag names to values"));
            return map;
        }

        foreach (var tag in v.EnumerateObject())
        {
            map[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString()! : tag.Value.GetRawText();
        }

        return map;
    }
}
