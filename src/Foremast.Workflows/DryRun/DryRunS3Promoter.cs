using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.DryRun;

public sealed class DryRunS3Promoter(IActionRecorder recorder) : IS3Promoter, IRecordingExecutor
{
    public Task<S3Promotion> PromoteAsync(StageRequest request, CancellationToken cancellationToken)
    {
        var bucket = request.Settings.TryGetProperty("s3", out var s3) && s3.TryGetProperty("bucket", out var b) ? b.ToString() : request.App;
        var summary = $"would promote {request.Artifact.Version} to LATEST in {bucket}";
        recorder.Record(request, "promote", summary);
        return Task.FromResult(new S3Promotion(summary));
    }
}
