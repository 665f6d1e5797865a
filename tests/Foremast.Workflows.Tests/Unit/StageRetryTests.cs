using Foremast.Core.Plan;
using Foremast.Workflows.Execution;
using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Tests.Unit;

public sealed class StageRetryTests
{
    private static readonly TaskFailureDetails CloudError = new(typeof(InvalidOperationException).FullName!, "Throttling: Rate exceeded", null, null, null);

    [Fact]
    public void A_single_attempt_spec_means_no_retry_handler() =>
        Assert.Null(StageRetry.Options(RetrySpec.None, new RunOptions()));

    [Fact]
    public void A_retried_spec_gets_a_retry_handler_so_the_orchestration_sees_each_retry() =>
        Assert.NotNull(StageRetry.Options(RetrySpec.Transient(3), new RunOptions())!.Retry!.Handler);

    [Fact]
    public void The_wait_starts_at_the_spec_s_first_delay_and_doubles_up_to_the_cap()
    {
        var spec = RetrySpec.Transient(10);

        var waits = Enumerable.Range(1, 7).Select(attempt => StageRetry.Delay(spec, new RunOptions(), attempt)).ToList();

        Assert.Equal([2, 4, 8, 16, 32, 60, 60], waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public void A_test_override_shortens_the_first_delay_but_keeps_the_attempts()
    {
        var deploy = StageCatalog.EnvStages("ec2", isEc2Type: true).Single(d => d.Kind == StageKind.Deploy).Retry;
        var fast = new RunOptions(RetryFirstDelay: TimeSpan.FromMilliseconds(10));

        Assert.Equal(TimeSpan.FromMilliseconds(10), StageRetry.Delay(deploy, fast, 1));
        Assert.Equal((true, false), (StageRetry.ShouldRetry(deploy, 1, CloudError), StageRetry.ShouldRetry(deploy, 2, CloudError)));
    }

    [Fact]
    public void A_missing_live_executor_or_a_refused_call_is_not_retried_but_a_cloud_error_is()
    {
        var spec = RetrySpec.Transient(3);

        Assert.False(StageRetry.ShouldRetry(spec, 1, new TaskFailureDetails(typeof(NoLiveExecutorException).FullName!, "no live executor", null, null, null)));
        Assert.False(StageRetry.ShouldRetry(spec, 1, new TaskFailureDetails(typeof(PermanentExecutorException).FullName!, "AccessDenied", null, null, null)));
        Assert.True(StageRetry.ShouldRetry(spec, 1, CloudError));
    }

    [Fact]
    public async Task The_handler_gives_up_after_the_last_attempt_without_counting_a_retry()
    {
        var count = new RetryCount();
        var handler = StageRetry.Options(RetrySpec.Transient(2), new RunOptions(), count)!.Retry!.Handler!;

        // Attempt 2 of 2 failed: no timer, so no orchestration context is needed to decide.
        var retried = await handler(new RetryContext(null!, 2, CloudError, TimeSpan.FromSeconds(2), CancellationToken.None));

        Assert.Equal((false, 0), (retried, count.Retries));
    }
}
