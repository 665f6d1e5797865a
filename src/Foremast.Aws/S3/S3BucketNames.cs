using System.Text.Json;
using Foremast.Core.Config.Settings;

namespace Foremast.Aws.S3;

/// <summary>
/// Foremast's <c>S3Apps</c> bucket choice: the shared bucket (<c>common-{project}</c>) for a shared-bucket master or target, an
/// explicit <c>bucket_name</c>, else <c>{project}-{repo}</c>; outside the pipeline's <c>primary_region</c> the <c>*_region_bucket</c>
/// formats add the region.
/// </summary>
public static class S3BucketNames
{
    public static string For(AwsStageContext context, S3Settings settings)
    {
        if (settings.BucketName.Length > 0 && !settings.SharedBucketMaster && settings.SharedBucketTarget is null) return settings.BucketName;
        var regional = context.Region != PrimaryRegion(context.Pipeline);
        var shared = settings.SharedBucketMaster || settings.SharedBucketTarget is not null;
        var format = (shared, regional) switch
        {
            (true, true) => "shared_s3_app_region_bucket",
            (true, false) => "shared_s3_app_bucket",
            (false, true) => "s3_app_region_bucket",
            (false, false) => "s3_app_bucket",
        };
        return context.Names.Name(format, context.Env, context.Region);
    }

    public static string PrimaryRegion(JsonElement pipeline) =>
        pipeline.ValueKind == JsonValueKind.Object && pipeline.TryGetProperty("primary_region", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "us-east-1";
}
