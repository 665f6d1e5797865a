namespace Foremast.Workflows.Activities.Interfaces;

/// <param name="Summary">One line for the stage's status, e.g. <c>promoted 1.4.2 to LATEST in s3://bucket/app</c>.</param>
public sealed record S3Promotion(string Summary);

/// <summary>
/// Promote S3 [env]: makes the version a canary or red/black S3 deploy uploaded the one that is served (Foremast's
/// <c>promote_s3app</c>: copy the version's path over <c>LATEST</c>). Honours <see cref="StageRequest.DryRun"/>.
/// </summary>
public interface IS3Promoter
{
    Task<S3Promotion> PromoteAsync(StageRequest request, CancellationToken cancellationToken);
}
