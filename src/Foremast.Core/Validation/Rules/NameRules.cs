using Foremast.Core.Config;
using Foremast.Core.Naming;

namespace Foremast.Core.Validation.Rules;

/// <summary>
/// Names the formats build from project and repo, checked against AWS's limits before anything is created:
/// ELB and target group names (32 characters), IAM role names (64) and the default S3 bucket name.
/// </summary>
internal static class NameRules
{
    private const string File = "(names)";

    /// <param name="defaultBucketUsed">Whether some env of an s3 app deploys to the default bucket (no bucket_name, no shared bucket).</param>
    public static void Check(NameGenerator names, string type, ForemastSettings settings, bool defaultBucketUsed, ICollection<Diagnostic> diagnostics)
    {
        if (settings.IsGcpType(type)) return;
        if (settings.IsEc2Type(type)) Length(names, "elb_app", 32, "ELB and target group names", diagnostics);
        Length(names, type == "lambda" ? "iam_lambda_role" : "iam_role", 64, "IAM role names", diagnostics);
        if (type != "s3" || !defaultBucketUsed) return;
        var bucket = names.Name("s3_app_bucket");
        if (S3BucketName.Problem(bucket) is { } problem)
        {
            diagnostics.Add(Diagnostic.Error(File, "$.formats.s3_app_bucket", $"the default bucket name \"{bucket}\" (from \"{names.Formats["s3_app_bucket"]}\") {problem}: expected {S3BucketName.Rules}; set s3.bucket_name or formats.s3_app_bucket"));
        }
    }

    private static void Length(NameGenerator names, string format, int limit, string what, ICollection<Diagnostic> diagnostics)
    {
        var name = names.Name(format);
        if (name.Length <= limit) return;
        diagnostics.Add(Diagnostic.Warning(File, $"$.formats.{format}", $"\"{name}\" is {name.Length} characters; AWS allows {limit} for {what} (shorten the repo or project name, or set formats.{format})"));
    }
}
