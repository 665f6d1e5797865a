using System.Text.Json;

namespace Foremast.Core.Config.Settings;

/// <summary><c>s3.logging</c> when enabled: where the bucket's access logs go.</summary>
/// <param name="Prefix">Null when the key is absent: Foremast's default is <c>{app}/</c>.</param>
/// <param name="Grants">The <c>logging_grants</c> array in boto3's shape (<c>{Grantee: {Type, ID|URI|EmailAddress}, Permission}</c>).</param>
public sealed record S3LoggingSettings(string Bucket, string? Prefix, JsonElement Grants);
