using Foremast.Core.Plan;
using Foremast.Workflows.Execution;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations;

/// <summary>
/// Turns a stage definition's <see cref="RetrySpec"/> into the durable retry of its activity calls. A retry handler
/// rather than a <see cref="RetryPolicy"/>: the policy retries inside the framework and tells the orchestration
/// nothing, while the handler runs as orchestrator code (deterministic, durable timers only) and can count each retry
/// for the stage's status.
/// </summary>
public static class StageRetry
{
    /// <param name="count">Where the retries this options value grants are counted; null when nobody shows them.</param>
    public static TaskOptions? Options(RetrySpec spec, RunOptions run, RetryCount? count = null)
    {
        if (spec.MaxAttempts <= 1) return null;
        return TaskOptions.FromRetryHandler(async retry =>
        {
            if (!ShouldRetry(spec, retry.LastAttemptNumber, retry.LastFailure)) return false;
            count?.Retried();
            await retry.OrchestrationContext.CreateTimer(Delay(spec, run, retry.LastAttemptNumber), retry.CancellationToken);
            return true;
        });
    }

    /// <summary>
    /// Another attempt only while the spec has attempts left, and never for a permanent failure: a host without a live
    /// executor stays without one, and AWS refusing a call refuses it again, so retrying only delays the one clear line.
    /// </summary>
    /// <param name="failedAttempt">The attempt that just failed, from 1.</param>
    public static bool ShouldRetry(RetrySpec spec, int failedAttempt, TaskFailureDetails failure) =>
        failedAttempt < spec.MaxAttempts && !IsPermanent(failure);

    /// <summary>The wait after <paramref name="failedAttempt"/>: the first delay, times the backoff per earlier retry, capped.</summary>
    public static TimeSpan Delay(RetrySpec spec, RunOptions run, int failedAttempt)
    {
        var first = run.RetryFirstDelay ?? spec.FirstDelay;
        var max = spec.MaxDelay < first ? first : spec.MaxDelay;
        var ticks = first.Ticks * Math.Pow(spec.BackoffCoefficient, Math.Max(0, failedAttempt - 1));
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }

    public static bool IsPermanent(TaskFailureDetails failure) =>
        failure.IsCausedBy<NoLiveExecutorException>() || failure.IsCausedBy<PermanentExecutorException>();
}
