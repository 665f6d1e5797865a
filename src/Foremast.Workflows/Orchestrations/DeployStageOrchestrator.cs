using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations;

public sealed record DeployStageInput(StageRequest Stage, string? ImageId, TimeSpan Timeout, RetrySpec Retry, RunOptions Options);

/// <param name="HealthChecks">How many probes it took; useful to see the backoff at work.</param>
/// <param name="Retries">How many times a failed start, probe or rollback call was tried again (for the stage's status).</param>
public sealed record DeployStageResult(bool Succeeded, DeployHandle? Handle, string? Error, int HealthChecks, int Retries = 0);

/// <summary>
/// Deploy: start it, then poll a short health activity between durable timers with backoff until healthy or the stage timeout.
/// A sub-orchestration of its own, so the polling history stays out of the region's replay.
/// Failures are returned as data, so the region gets a clean message instead of a nested exception text. A group that
/// never becomes healthy is rolled back (removed, the previous group serving) before the stage fails.
/// </summary>
public sealed class DeployStageOrchestrator : TaskOrchestrator<DeployStageInput, DeployStageResult>
{
    public override async Task<DeployStageResult> RunAsync(TaskOrchestrationContext context, DeployStageInput input)
    {
        var deadline = context.CurrentUtcDateTime + input.Timeout;
        var retries = new RetryCount();
        var retry = StageRetry.Options(input.Retry, input.Options, retries);
        DeployHandle handle;
        try
        {
            handle = await context.CallActivityAsync<DeployHandle>(nameof(StartDeployActivity), new StartDeployInput(input.Stage, input.ImageId), retry);
        }
        catch (TaskFailedException ex)
        {
            return new DeployStageResult(false, null, ex.FailureDetails.ErrorMessage, 0, retries.Retries);
        }

        var interval = input.Options.HealthPollInterval ?? RunOptions.DefaultHealthPollInterval;
        var maxInterval = TimeSpan.FromTicks(Math.Max(interval.Ticks, Math.Min(interval.Ticks * 8, RunOptions.MaxHealthPollInterval.Ticks)));
        for (var checks = 1; ; checks++)
        {
            DeployHealth health;
            try
            {
                health = await context.CallActivityAsync<DeployHealth>(nameof(CheckDeployHealthActivity), new CheckDeployHealthInput(input.Stage, handle, checks), retry);
            }
            catch (TaskFailedException ex)
            {
                return await RollBackAsync(context, input, handle, ex.FailureDetails.ErrorMessage, checks, retry, retries);
            }

            if (health.State == HealthState.Healthy) return new DeployStageResult(true, handle, null, checks, retries.Retries);
            if (health.State == HealthState.Failed) return await RollBackAsync(context, input, handle, $"{handle.ServerGroup} failed: {health.Detail}", checks, retry, retries);

            var next = context.CurrentUtcDateTime + interval;
            if (next > deadline) return await RollBackAsync(context, input, handle, $"{handle.ServerGroup} not healthy within {input.Timeout}: {health.Detail}", checks, retry, retries);
            await context.CreateTimer(next, CancellationToken.None);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, maxInterval.Ticks));
        }
    }

    /// <summary>The stage fails either way; the error says whether the rollback left the previous group serving.</summary>
    private static async Task<DeployStageResult> RollBackAsync(
        TaskOrchestrationContext context, DeployStageInput input, DeployHandle handle, string reason, int checks, TaskOptions? retry, RetryCount retries)
    {
        try
        {
            var rolledBack = await context.CallActivityAsync<string>(nameof(RollbackDeployActivity), new RollbackDeployInput(input.Stage, handle, reason), retry);
            return new DeployStageResult(false, handle, rolledBack, checks, retries.Retries);
        }
        catch (TaskFailedException ex)
        {
            return new DeployStageResult(false, handle, $"{reason}; rollback failed: {ex.FailureDetails.ErrorMessage}", checks, retries.Retries);
        }
    }
}
