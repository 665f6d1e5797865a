using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Foremast.Aws.Converge;
using Foremast.Aws.Iam;
using Foremast.Core.Config.Settings;

namespace Foremast.Aws.S3;

/// <summary>
/// One app bucket brought to its config, part by part as Foremast's <c>S3Apps.create_bucket</c> did (policy, website, versioning,
/// encryption, tagging), but only writing the parts that differ. Returns what differed, empty when nothing did.
/// </summary>
public sealed class S3BucketConverger(IAmazonS3 s3, AwsStageContext context, S3Settings settings, string bucket, CancellationToken ct)
{
    private readonly string _resource = $"s3 {bucket}";
    private readonly bool _dry = context.DryRun;
    private readonly List<string> _differences = [];

    /// <returns>(whether the bucket existed, what differed).</returns>
    public async Task<(bool Existed, IReadOnlyList<string> Differences)> ConvergeAsync()
    {
        var existed = await ExistsAsync().ConfigureAwait(false);
        if (!existed)
        {
            if (!_dry) await CreateAsync().ConfigureAwait(false);
            _differences.Add($"acl {settings.BucketAcl}");
        }

        // A bucket a dry run would create has no configuration yet: every configured part is a difference.
        var live = existed || !_dry;
        await PolicyAsync(live).ConfigureAwait(false);
        await WebsiteAsync(live).ConfigureAwait(false);
        await CorsAsync(live).ConfigureAwait(false);
        await LoggingAsync(live).ConfigureAwait(false);
        await LifecycleAsync(live).ConfigureAwait(false);
        await VersioningAsync(live).ConfigureAwait(false);
        await EncryptionAsync(live).ConfigureAwait(false);
        await TagsAsync(live).ConfigureAwait(false);
        return (existed, _differences);
    }

    private async Task<bool> ExistsAsync() =>
        await S3Reads.OptionalAsync(_resource, "HeadBucket", () => s3.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, ct)).ConfigureAwait(false) is not null;

    /// <summary>A replayed activity may find the bucket it created: <c>BucketAlreadyOwnedByYou</c> is that bucket.</summary>
    private Task CreateAsync() => AwsCalls.RunAsync(_resource, "CreateBucket", async () =>
    {
        var request = new PutBucketRequest { BucketName = bucket, CannedACL = S3CannedACL.FindValue(settings.BucketAcl) };
        if (context.Region != "us-east-1") request.BucketRegionName = context.Region;
        try
        {
            await s3.PutBucketAsync(request, ct).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyOwnedByYou")
        {
            // Ours already.
        }
    });

    private async Task PolicyAsync(bool live)
    {
        var current = live ? (await S3Reads.OptionalAsync(_resource, "GetBucketPolicy", () => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket }, ct)).ConfigureAwait(false))?.Policy : null;
        if (string.IsNullOrWhiteSpace(current)) current = null;
        if (settings.BucketPolicy is not { } wanted)
        {
            if (current is null) return;
            _differences.Add("policy removed");
            if (!_dry) await AwsCalls.RunAsync(_resource, "DeleteBucketPolicy", () => s3.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = bucket }, ct)).ConfigureAwait(false);
            return;
        }

        var document = JsonNode.Parse(wanted.GetRawText())!;
        if (current is not null && IamJson.Same(current, document)) return;
        _differences.Add(current is null ? "policy set" : "policy replaced");
        if (!_dry) await AwsCalls.RunAsync(_resource, "PutBucketPolicy", () => s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = document.ToJsonString() }, ct)).ConfigureAwait(false);
    }

    private async Task WebsiteAsync(bool live)
    {
        var current = live ? (await S3Reads.OptionalAsync(_resource, "GetBucketWebsite", () => s3.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { BucketName = bucket }, ct)).ConfigureAwait(false))?.WebsiteConfiguration : null;
        if (!settings.WebsiteEnabled)
        {
            if (current is null) return;
            _differences.Add("website removed");
            if (!_dry) await AwsCalls.RunAsync(_resource, "DeleteBucketWebsite", () => s3.DeleteBucketWebsiteAsync(new DeleteBucketWebsiteRequest { BucketName = bucket }, ct)).ConfigureAwait(false);
            return;
        }

        if (current?.IndexDocumentSuffix == settings.WebsiteIndex && current.ErrorDocument == settings.WebsiteError) return;
        _differences.Add($"website {settings.WebsiteIndex}, {settings.WebsiteError}");
        if (_dry) return;
        await AwsCalls.RunAsync(_resource, "PutBucketWebsite", () => s3.PutBucketWebsiteAsync(new PutBucketWebsiteRequest
        {
            BucketName = bucket,
            WebsiteConfiguration = new WebsiteConfiguration { IndexDocumentSuffix = settings.WebsiteIndex, ErrorDocument = settings.WebsiteError },
        }, ct)).ConfigureAwait(false);
    }

    /// <summary>Foremast put CORS only on a website bucket (<c>cors.enabled</c> and <c>website.enabled</c>) and deleted it otherwise.</summary>
    private async Task CorsAsync(bool live)
    {
        var current = live ? (await S3Reads.OptionalAsync(_resource, "GetBucketCors", () => s3.GetCORSConfigurationAsync(new GetCORSConfigurationRequest { BucketName = bucket }, ct)).ConfigureAwait(false))?.Configuration?.Rules : null;
        var wanted = settings.WebsiteEnabled && settings.CorsRules is { Count: > 0 } rules ? S3Cors.Rules(rules) : null;
        if (wanted is null)
        {
            if (current is not { Count: > 0 }) return;
            _differences.Add("cors removed");
            if (!_dry) await AwsCalls.RunAsync(_resource, "DeleteBucketCors", () => s3.DeleteCORSConfigurationAsync(new DeleteCORSConfigurationRequest { BucketName = bucket }, ct)).ConfigureAwait(false);
            return;
        }

        if (S3Cors.Same(current, wanted)) return;
        _differences.Add($"cors {wanted.Count} rule{(wanted.Count == 1 ? "" : "s")}");
        if (_dry) return;
        await AwsCalls.RunAsync(_resource, "PutBucketCors", () => s3.PutCORSConfigurationAsync(new PutCORSConfigurationRequest
        {
            BucketName = bucket,
            Configuration = new CORSConfiguration { Rules = wanted },
        }, ct)).ConfigureAwait(false);
    }

    /// <summary>Access logging to <c>logging_bucket</c>; turned off (an empty logging status) when the config no longer enables it.</summary>
    private async Task LoggingAsync(bool live)
    {
        var current = live ? (await S3Reads.OptionalAsync(_resource, "GetBucketLogging", () => s3.GetBucketLoggingAsync(new GetBucketLoggingRequest { BucketName = bucket }, ct)).ConfigureAwait(false))?.BucketLoggingConfig : null;
        var wanted = settings.Logging is { } logging ? S3Logging.Config(logging, context.App) : null;
        if (S3Logging.Same(current, wanted)) return;
        _differences.Add(wanted is null ? "logging off" : $"logging to {wanted.TargetBucketName}/{wanted.TargetPrefix}");
        if (_dry) return;
        await AwsCalls.RunAsync(_resource, "PutBucketLogging", () => s3.PutBucketLoggingAsync(new PutBucketLoggingRequest
        {
            BucketName = bucket,
            LoggingConfig = wanted ?? new S3BucketLoggingConfig(),
        }, ct)).ConfigureAwait(false);
    }

    private async Task LifecycleAsync(bool live)
    {
        var wanted = settings.LifecycleRules is { Count: > 0 } rules ? S3Lifecycle.Rules(rules, $"application-master-{context.Env}.json") : null;
        var current = live ? (await S3Reads.OptionalAsync(_resource, "GetBucketLifecycleConfiguration", () => s3.GetLifecycleConfigurationAsync(new GetLifecycleConfigurationRequest { BucketName = bucket }, ct)).ConfigureAwait(false))?.Configuration?.Rules : null;
        if (wanted is null)
        {
            if (current is not { Count: > 0 }) return;
            _differences.Add("lifecycle removed");
            if (!_dry) await AwsCalls.RunAsync(_resource, "DeleteBucketLifecycle", () => s3.DeleteLifecycleConfigurationAsync(new DeleteLifecycleConfigurationRequest { BucketName = bucket }, ct)).ConfigureAwait(false);
            return;
        }

        if (S3Lifecycle.Same(current, wanted)) return;
        _differences.Add($"lifecycle {S3Lifecycle.Describe(wanted)}");
        if (_dry) return;
        await AwsCalls.RunAsync(_resource, "PutBucketLifecycleConfiguration", () => s3.PutLifecycleConfigurationAsync(new PutLifecycleConfigurationRequest
        {
            BucketName = bucket,
            Configuration = new LifecycleConfiguration { Rules = wanted },
        }, ct)).ConfigureAwait(false);
    }

    /// <summary>A bucket never versioned stays unversioned when versioning is off; one that was versioned is suspended (S3 cannot go back).</summary>
    private async Task VersioningAsync(bool live)
    {
        var status = live ? (await S3Reads.OptionalAsync(_resource, "GetBucketVersioning", () => s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket }, ct)).ConfigureAwait(false))?.VersioningConfig?.Status : null;
        var enabled = status == VersionStatus.Enabled;
        if (enabled == settings.VersioningEnabled) return;
        var wanted = settings.VersioningEnabled ? VersionStatus.Enabled : VersionStatus.Suspended;
        _differences.Add($"versioning {wanted.Value}");
        if (_dry) return;
        await AwsCalls.RunAsync(_resource, "PutBucketVersioning", () => s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = bucket,
            VersioningConfig = new S3BucketVersioningConfig { Status = wanted },
        }, ct)).ConfigureAwait(false);
    }

    private async Task EncryptionAsync(bool live)
    {
        var current = live ? (await S3Reads.OptionalAsync(_resource, "GetBucketEncryption", () => s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = bucket }, ct)).ConfigureAwait(false))?.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules : null;
        if (settings.EncryptionRules is not { } configured)
        {
            if (current is null || S3Encryption.IsAwsDefault(current)) return;
            _differences.Add("encryption removed");
            if (!_dry) await AwsCalls.RunAsync(_resource, "DeleteBucketEncryption", () => s3.DeleteBucketEncryptionAsync(new DeleteBucketEncryptionRequest { BucketName = bucket }, ct)).ConfigureAwait(false);
            return;
        }

        var wanted = S3Encryption.Rules(configured);
        if (S3Encryption.Same(current, wanted)) return;
        _differences.Add("encryption " + string.Join(", ", wanted.Select(r => r.ServerSideEncryptionByDefault?.ServerSideEncryptionAlgorithm?.Value)));
        if (_dry) return;
        await AwsCalls.RunAsync(_resource, "PutBucketEncryption", () => s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = bucket,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration { ServerSideEncryptionRules = wanted },
        }, ct)).ConfigureAwait(false);
    }

    /// <summary>Foremast's tag set: app_group/app_name, then <c>s3.tagging.tags</c>, then <c>app.custom_tags</c> (highest). The whole set is replaced.</summary>
    private async Task TagsAsync(bool live)
    {
        var wanted = new Dictionary<string, string>(context.Tags, StringComparer.Ordinal);
        foreach (var (k, v) in settings.Tags) wanted[k] = v;
        foreach (var (k, v) in settings.CustomTags) wanted[k] = v;
        var current = live ? (await S3Reads.OptionalAsync(_resource, "GetBucketTagging", () => s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = bucket }, ct)).ConfigureAwait(false))?.TagSet : null;
        var have = (current ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (have.Count == wanted.Count && wanted.All(t => have.GetValueOrDefault(t.Key) == t.Value)) return;
        var changed = wanted.Where(t => have.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).Concat(have.Keys.Where(k => !wanted.ContainsKey(k))).Order(StringComparer.Ordinal);
        _differences.Add("tags " + string.Join(", ", changed));
        if (_dry) return;
        await AwsCalls.RunAsync(_resource, "PutBucketTagging", () => s3.PutBucketTaggingAsync(new PutBucketTaggingRequest
        {
            BucketName = bucket,
            TagSet = wanted.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
        }, ct)).ConfigureAwait(false);
    }
}
