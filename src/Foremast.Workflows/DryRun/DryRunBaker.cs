using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.DryRun;

public sealed class DryRunBaker(IActionRecorder recorder) : IBaker, IRecordingExecutor
{
    public Task<BakeStep> AdvanceAsync(StageRequest request, CancellationToken cancellationToken)
    {
        var baseImage = request.Settings.TryGetProperty("base", out var b) ? b.ToString() : "?";
        recorder.Record(request, "bake", $"artifact {request.Artifact.Version} from {request.Artifact.Url} on base {baseImage}");
        var image = $"ami-dryrun-{request.App}-{request.Artifact.Version}-{request.Region}";
        return Task.FromResult(new BakeStep(BakeState.Done, image, $"would bake {image}"));
    }
}
