using Amazon.S3.Model;
using Foremast.Aws.Converge;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.Activities.Interfaces;
using static Foremast.Aws.Converge.Verbs;

namespace Foremast.Aws.S3;

/// <summary>
/// Kind <c>s3</c>: for type-s3 pipelines the app bucket (name, ACL at creation, policy, website, versioning, encryption, tags as
/// configured; see <see cref="S3BucketConverger"/>), and for any app with <c>app.archaius_enabled</c> the Archaius properties
/// object <c>s3://archaius-{env}/{project}/{repo}{project}/application.properties</c> (created empty when missing, never
/// overwritten: its content belongs to the app's owners). The Archaius bucket is the env's, not the app's: it must exist.
/// </summary>
public sealed class S3Resource(AwsClientBuilder clients)
{
    public const string Kind = ResourceKinds.S3;

    public async Task<ResourceResult> ConvergeAsync(AwsStageContext context, CancellationToken cancellationToken)
    {
        var settings = S3Settings.From(context.Settings, $"application-master-{context.Env}.json");
        var changes = new List<ResourceChange>();
        var s3 = clients.Session(context.Target).S3;
        if (context.PipelineType == "s3")
        {
            var bucket = S3BucketNames.For(context, settings);
            if (settings.SharedBucketTarget is not null) changes.Add(await SharedTargetAsync(s3, bucket, settings.SharedBucketTarget, cancellationToken).ConfigureAwait(false));
            else changes.Add(await BucketAsync(s3, context, settings, bucket, cancellationToken).ConfigureAwait(false));
        }

        if (settings.ArchaiusEnabled) changes.Add(await ArchaiusAsync(s3, context, cancellationToken).ConfigureAwait(false));
        return new ResourceResult(changes);
    }

    private static async Task<ResourceChange> BucketAsync(Amazon.S3.IAmazonS3 s3, AwsStageContext context, S3Settings settings, string bucket, CancellationToken ct)
    {
        var (existed, differences) = await new S3BucketConverger(s3, context, settings, bucket, ct).ConvergeAsync().ConfigureAwait(false);
        var verb = !existed ? Create(context.DryRun) : differences.Count == 0 ? Unchanged : Update(context.DryRun);
        return new ResourceChange(verb, Kind, bucket, differences.Count == 0 ? null : string.Join("; ", differences));
    }

    /// <summary>Foremast's <c>S3SharedBucketNotFound</c>: an app deploying into another app's shared bucket configures nothing, but the bucket must be there.</summary>
    private static async Task<ResourceChange> SharedTargetAsync(Amazon.S3.IAmazonS3 s3, string bucket, string owner, CancellationToken ct)
    {
        var found = await S3Reads.OptionalAsync($"s3 {bucket}", "HeadBucket", () => s3.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, ct)).ConfigureAwait(false);
        return found is null
            ? throw new AwsConfigurationException($"s3 {bucket}: the shared bucket of app {owner} (s3.shared_bucket_target) does not exist; run the infrastructure of {owner} first")
            : new ResourceChange(Unchanged, Kind, bucket, $"shared bucket of {owner}");
    }

    private static async Task<ResourceChange> ArchaiusAsync(Amazon.S3.IAmazonS3 s3, AwsStageContext context, CancellationToken ct)
    {
        var bucket = context.Names.Name("s3_bucket", context.Env, context.Region);
        var key = context.Names.Name("s3_bucket_path", context.Env, context.Region).Trim('/') + "/application.properties";
        var name = $"{bucket}/{key}";
        var resource = $"s3 {name}";
        var present = await S3Reads.OptionalAsync(resource, "HeadObject", () => s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, ct)).ConfigureAwait(false);
        if (present is not null) return new ResourceChange(Unchanged, Kind, name);

        var bucketThere = await S3Reads.OptionalAsync(resource, "HeadBucket", () => s3.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, ct)).ConfigureAwait(false);
        if (bucketThere is null)
        {
            throw new AwsConfigurationException($"{resource}: app.archaius_enabled is set but the Archaius bucket {bucket} of env {context.Env} does not exist (format s3_bucket)");
        }

        if (!context.DryRun)
        {
            await AwsCalls.RunAsync(resource, "PutObject", () => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "" }, ct)).ConfigureAwait(false);
        }

        return new ResourceChange(Create(context.DryRun), Kind, name, "empty Archaius properties");
    }
}
