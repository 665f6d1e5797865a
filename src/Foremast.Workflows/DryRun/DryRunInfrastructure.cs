using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.DryRun;

public sealed class DryRunInfrastructure(IActionRecorder recorder) : IInfrastructure, IRecordingExecutor
{
    public Task<InfrastructureReport> SetUpAsync(StageRequest request, CancellationToken cancellationToken)
    {
        string[] resources = ["iam", "security-group", "s3", "load-balancer", "dns"];
        recorder.Record(request, "infrastructure", $"{string.Join(", ", resources)} for {request.App} in {request.Env}/{request.Region}");
        return Task.FromResult(new InfrastructureReport(resources));
    }
}
