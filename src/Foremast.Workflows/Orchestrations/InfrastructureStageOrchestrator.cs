using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Infrastructure;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations;

public sealed record InfrastructureStageInput(StageRequest Stage, RetrySpec Retry, RunOptions Options);

/// <param name="Changes">What every resource that finished reported, also when another one failed.</param>
/// <param name="Error">The first failure as <c>kind: message</c>; null when the stage succeeded.</param>
/// <param name="Retries">How many times a failed resource call was tried again, over all resources (for the stage's status).</param>
public sealed record InfrastructureStageResult(IReadOnlyList<ResourceChange> Changes, string? Error = null, int Retries = 0)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Infrastructure Setup [env] as its own orchestration: one <see cref="ConvergeResourceActivity"/> per resource kind, in
/// <see cref="InfrastructurePhases"/> (IAM, security group and S3 in parallel, then the load balancer, then DNS), so a
/// retried call repeats only its own resource. The first phase's activities check that every kind of the stage has an
/// executor this run may use before any of them applies anything. A failed phase ends the stage after the rest of that
/// phase finished, and its result still lists every change made. Failures come back as data, for a clean message in the region.
/// </summary>
public sealed class InfrastructureStageOrchestrator : TaskOrchestrator<InfrastructureStageInput, InfrastructureStageResult>
{
    public override async Task<InfrastructureStageResult> RunAsync(TaskOrchestrationContext context, InfrastructureStageInput input)
    {
        var phases = InfrastructurePhases.For(input.Stage.PipelineType, input.Stage.Settings);
        var changes = new List<ResourceChange>();
        if (phases.Count == 0) return new InfrastructureStageResult(changes);

        var retries = new RetryCount();
        var retry = StageRetry.Options(input.Retry, input.Options, retries);
        var allKinds = phases.SelectMany(p => p).ToList();
        foreach (var phase in phases)
        {
            // The first phase's activities check every kind of the stage before applying anything.
            var stageKinds = phase == phases[0] ? allKinds : null;
            var calls = phase
                .Select(kind => (Kind: kind, Call: context.CallActivityAsync<ResourceResult>(nameof(ConvergeResourceActivity), new ConvergeResourceInput(input.Stage, kind, stageKinds), retry)))
                .ToList();
            string? error = null;
            foreach (var (kind, call) in calls)
            {
                try
                {
                    changes.AddRange((await call).Changes);
                }
                catch (TaskFailedException ex)
                {
                    // A missing executor is about the host, not about this resource: no kind prefix.
                    error ??= StageRetry.IsPermanent(ex.FailureDetails) ? ex.FailureDetails.ErrorMessage : $"{kind}: {ex.FailureDetails.ErrorMessage}";
                }
            }

            if (error is not null) return new InfrastructureStageResult(changes, error, retries.Retries);
        }

        return new InfrastructureStageResult(changes, Retries: retries.Retries);
    }
}
