using Amazon.S3.Model;
using Foremast.Core.Config.Settings;

namespace Foremast.Aws.S3;

/// <summary><c>s3.cors.cors_rules</c> as SDK rules, and whether a live CORS configuration already says the same.</summary>
public static class S3Cors
{
    public static List<CORSRule> Rules(IReadOnlyList<S3CorsRuleSettings> rules) => rules.Select(r => new CORSRule
    {
        AllowedHeaders = [.. r.Headers],
        AllowedMethods = [.. r.Methods],
        AllowedOrigins = [.. r.Origins],
        ExposeHeaders = [.. r.ExposeHeaders],
        MaxAgeSeconds = r.MaxAgeSeconds,
    }).ToList();

    public static bool Same(IEnumerable<CORSRule>? live, IEnumerable<CORSRule> desired) =>
        (live ?? []).Select(Key).SequenceEqual(desired.Select(Key));

    private static string Key(CORSRule rule) => string.Join('|',
        string.Join(',', rule.AllowedHeaders ?? []), string.Join(',', rule.AllowedMethods ?? []), string.Join(',', rule.AllowedOrigins ?? []),
        string.Join(',', rule.ExposeHeaders ?? []), rule.MaxAgeSeconds ?? 0);
}
