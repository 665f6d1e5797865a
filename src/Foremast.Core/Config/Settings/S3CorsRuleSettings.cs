namespace Foremast.Core.Config.Settings;

/// <summary>One entry of <c>s3.cors.cors_rules</c> (Foremast's keys; <c>cors_max_age</c> defaults to 600 s).</summary>
public sealed record S3CorsRuleSettings(
    IReadOnlyList<string> Headers,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> Origins,
    IReadOnlyList<string> ExposeHeaders,
    int MaxAgeSeconds);
