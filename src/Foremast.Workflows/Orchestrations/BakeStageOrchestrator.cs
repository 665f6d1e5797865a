using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations;

public sealed record BakeStageInput(StageRequest Stage, TimeSpan Timeout, RetrySpec Retry, RunOptions Options);

/// <param name="Steps">How many bake steps it took.</param>
/// <param name="Retries">How many times a failed bake step was tried again (for the stage's status).</param>
public sealed record BakeStageResult(bool Succeeded, string? ImageId, string Detail, int Steps, int Retries = 0);

/// <summary>
/// Bake: one short <see cref="BakeActivity"/> step after another, durable timers with backoff in between, until the image is
/// done, the bake fails, or the stage timeout passes. A sub-orchestration so its polling stays out of the region's history.
/// </summary>
public sealed class BakeStageOrchestrator : TaskOrchestrator<BakeStageInput, BakeStageResult>
{
    public override async Task<BakeStageResult> RunAsync(TaskOrchestrationContext context, BakeStageInput input)
    {
        var deadline = context.CurrentUtcDateTime + input.Timeout;
        var retries = new RetryCount();
        var retry = StageRetry.Options(input.Retry, input.Options, retries);
        var interval = input.Options.HealthPollInterval ?? RunOptions.DefaultHealthPollInterval;
        var maxInterval = TimeSpan.FromTicks(Math.Max(interval.Ticks, Math.Min(interval.Ticks * 8, RunOptions.MaxHealthPollInterval.Ticks)));
        for (var steps = 1; ; steps++)
        {
            BakeStep step;
            try
            {
                step = await context.CallActivityAsync<BakeStep>(nameof(BakeActivity), input.Stage, retry);
            }
            catch (TaskFailedException ex)
            {
                return new BakeStageResult(false, null, ex.FailureDetails.ErrorMessage, steps, retries.Retries);
            }

            switch (step.State)
            {
                case BakeState.Done:
                    return new BakeStageResult(true, step.ImageId, step.Detail, steps, retries.Retries);
                case BakeState.Failed:
                    return new BakeStageResult(false, null, step.Detail, steps, retries.Retries);
            }

            var next = context.CurrentUtcDateTime + interval;
            if (next > deadline) return new BakeStageResult(false, null, $"not baked within {input.Timeout}: {step.Detail}", steps, retries.Retries);
            await context.CreateTimer(next, CancellationToken.None);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, maxInterval.Ticks));
        }
    }
}
