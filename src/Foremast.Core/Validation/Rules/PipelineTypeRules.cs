using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Json;

namespace Foremast.Core.Validation.Rules;

/// <summary>
/// Env settings judged against the pipeline type of <c>pipeline.json</c>: known regions for its cloud, a deploy
/// strategy it can run, the definition a Step Function or Data Pipeline needs, and S3 bucket names.
/// </summary>
internal sealed class PipelineTypeRules(string file, string type, ForemastSettings settings, ICollection<Diagnostic> diagnostics)
{
    /// <summary>Spinnaker cluster strategies an EC2 deploy stage runs.</summary>
    public static readonly string[] ClusterStrategies = ["highlander", "redblack", "rollingredblack", "rollingpush", "monitored", "custom"];

    /// <summary>Foremast's S3 upload strategies (canary and redblack add the promote stages).</summary>
    public static readonly string[] S3Strategies = ["highlander", "canary", "alpha", "mirror", "branchrelease", "redblack"];

    public void Check(JsonObject doc, string path, bool isRegionOverride)
    {
        if (!isRegionOverride) CheckRegions(doc);
        CheckStrategy(doc, path);
        CheckBuckets(doc, path);
        if (!isRegionOverride)
        {
            CheckDefinition(doc, "stepfunction", "stepfunction", "its state machine definition (Amazon States Language)");
            CheckDefinition(doc, "datapipeline", "datapipeline", "its pipeline definition (as exported from the console)");
        }
    }

    private void CheckRegions(JsonObject env)
    {
        var gcp = settings.IsGcpType(type);
        switch (env["regions"])
        {
            case JsonObject map:
                foreach (var (region, _) in map)
                {
                    if (!Spec.StringFormat.Region.IsMatch(region)) continue; // the spec already said it is not a region name
                    if (KnownRegions.Problem(region, gcp, settings.Regions, $"key \"{region}\"") is { } problem) Error(JsonPaths.Child("$.regions", region), problem);
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (Layers.Text(list[i]) is not { } region || !Spec.StringFormat.Region.IsMatch(region)) continue;
                    if (KnownRegions.Problem(region, gcp, settings.Regions, JsonKinds.Describe(list[i])) is { } problem) Error(JsonPaths.Index("$.regions", i), problem);
                }

                break;
        }
    }

    private void CheckStrategy(JsonObject doc, string path)
    {
        if (Layers.Text(doc["deploy_strategy"]) is not { } strategy) return;
        string[] allowed;
        string kind;
        if (settings.IsEc2Type(type))
        {
            (allowed, kind) = (ClusterStrategies, "a Spinnaker cluster strategy");
        }
        else if (type == "s3")
        {
            (allowed, kind) = (S3Strategies, "an S3 upload strategy");
        }
        else
        {
            return;
        }

        if (allowed.Contains(strategy) || !Spec.EnvironmentSpec.DeployStrategies.Contains(strategy)) return;
        var why = ClusterStrategies.Contains(strategy) ? "a Spinnaker cluster strategy" : "an S3 upload strategy";
        Error(JsonPaths.Child(path, "deploy_strategy"), $"expected {kind} for type {type} ({string.Join(", ", allowed)}), got string \"{strategy}\" ({why})");
    }

    private void CheckBuckets(JsonObject doc, string path)
    {
        CheckBucket((doc["s3"] as JsonObject)?["bucket_name"], JsonPaths.Child(JsonPaths.Child(path, "s3"), "bucket_name"));
        CheckBucket(((doc["s3"] as JsonObject)?["logging"] as JsonObject)?["logging_bucket"], JsonPaths.Child(JsonPaths.Child(JsonPaths.Child(path, "s3"), "logging"), "logging_bucket"));
        CheckBucket(((doc["elb"] as JsonObject)?["access_log"] as JsonObject)?["bucket_name"], JsonPaths.Child(JsonPaths.Child(JsonPaths.Child(path, "elb"), "access_log"), "bucket_name"));
    }

    private void CheckBucket(JsonNode? value, string path)
    {
        // An empty bucket_name means "use the default name", as in Foremast.
        if (Layers.Text(value) is not { Length: > 0 } name || S3BucketName.Problem(name) is not { } problem) return;
        Error(path, $"expected a bucket name ({S3BucketName.Rules}), got string \"{name}\", which {problem}");
    }

    /// <summary>A Step Function or Data Pipeline app without a definition deploys an empty resource (AWS refuses it).</summary>
    private void CheckDefinition(JsonObject env, string forType, string block, string what)
    {
        if (type != forType) return;
        if (HasDefinition(env, block)) return;
        if ((env[block] as JsonObject)?["json_definition"] is { } wrong and not JsonObject) return; // its type is already reported
        if (env["regions"] is JsonObject { Count: > 0 } regions && regions.All(r => r.Value is JsonObject o && HasDefinition(o, block))) return;
        var at = env[block] is JsonObject ? JsonPaths.Child("$", block) : "$";
        var key = env[block] is JsonObject ? "json_definition" : $"{block}.json_definition";
        Error(at, $"missing required key \"{key}\": a {forType} app needs {what}, a non-empty JSON object");
    }

    private static bool HasDefinition(JsonObject doc, string block) => (doc[block] as JsonObject)?["json_definition"] is JsonObject { Count: > 0 };

    private void Error(string path, string message) => diagnostics.Add(Diagnostic.Error(file, path, message));
}
