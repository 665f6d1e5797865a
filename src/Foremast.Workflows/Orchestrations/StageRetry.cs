using Foremast.Core.Plan;
using Foremast.Workflows.Execution;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations;

/// <summary>Turns a stage definition's <see cref="RetrySpec"/> into the durable retry policy of its activity calls.</summary>
public static class StageRetry
{
    public static TaskOptions? Options(RetrySpec spec, RunOptions run)
    {
        if (spec.MaxAttempts <= 1) return null;
        var first = run.RetryFirstDelay ?? spec.FirstDelay;
        var max = spec.MaxDelay < first ? first : spec.MaxDelay;
        return TaskOptions.FromRetryPolicy(new RetryPolicy(spec.MaxAttempts, first, spec.BackoffCoefficient, max)
        {
            // A host without a live executor stays without one, and AWS refusing a call refuses it again: retrying only delays the one clear line.
            HandleFailure = failure => !IsPermanent(failure),
        });
    }

    public static bool IsPermanent(TaskFailureDetails failure) =>
        failure.IsCausedBy<NoLiveExecutorException>() || failure.IsCausedBy<PermanentExecutorException>();
}
