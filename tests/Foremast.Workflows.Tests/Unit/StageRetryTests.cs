using Foremast.Core.Plan;
using Foremast.Workflows.Execution;
using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Tests.Unit;

public sealed class StageRetryTests
{
    [Fact]
    public void A_single_attempt_spec_means_no_retry_policy() =>
        Assert.Null(StageRetry.Options(RetrySpec.None, new RunOptions()));

    [Fact]
    public void The_policy_carries_the_spec_s_attempts_delay_backoff_and_cap()
    {
        var policy = StageRetry.Options(RetrySpec.Transient(3), new RunOptions())!.Retry!.Policy!;

        Assert.Equal((3, TimeSpan.FromSeconds(2), 2d, TimeSpan.FromMinutes(1)), (policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient, policy.MaxRetryInterval));
    }

    [Fact]
    public void A_test_override_shortens_the_first_delay_but_keeps_the_attempts()
    {
        var policy = StageRetry.Options(StageCatalog.EnvStages("ec2", isEc2Type: true).Single(d => d.Kind == StageKind.Deploy).Retry, new RunOptions(RetryFirstDelay: TimeSpan.FromMilliseconds(10)))!.Retry!.Policy!;

        Assert.Equal((2, TimeSpan.FromMilliseconds(10)), (policy.MaxNumberOfAttempts, policy.FirstRetryInterval));
    }

    [Fact]
    public void A_missing_live_executor_is_not_retried_but_a_cloud_error_is()
    {
        // The policy's HandleFailure is write-only; it is exactly !IsPermanent.
        Assert.True(StageRetry.IsPermanent(new TaskFailureDetails(typeof(NoLiveExecutorException).FullName!, "no live executor", null, null, null)));
        Assert.False(StageRetry.IsPermanent(new TaskFailureDetails(typeof(InvalidOperationException).FullName!, "Throttling: Rate exceeded", null, null, null)));
    }
}
