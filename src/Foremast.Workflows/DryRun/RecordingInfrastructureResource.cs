using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.DryRun;

/// <summary>
/// Records that Infrastructure Setup would converge one resource kind. It reads no account, so it cannot tell
/// "create" from "unchanged": it says "would create" and that nothing was inspected.
/// </summary>
public sealed class RecordingInfrastructureResource(string kind, IActionRecorder recorder) : IInfrastructureResource, IRecordingExecutor
{
    public string Kind => kind;

    public Task<ResourceResult> ConvergeAsync(StageRequest request, CancellationToken cancellationToken)
    {
        var change = new ResourceChange("would create", kind, request.App, $"recorded for {request.Env}/{request.Region}, no account inspected");
        recorder.Record(request, $"infrastructure:{kind}", $"{kind} for {request.App} in {request.Env}/{request.Region}");
        return Task.FromResult(new ResourceResult([change]));
    }
}
