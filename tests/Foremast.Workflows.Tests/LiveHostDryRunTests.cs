using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Pipelines;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests;

/// <summary>
/// The per-run decision on a host whose executors are live: a dry run reads, but no mutating call reaches AWS (the
/// doubles), Gate or a webhook receiver (real loopback servers); a run that is not dry on the same host does try to write.
/// </summary>
public sealed class LiveHostDryRunTests(LiveDoublesHost host) : IClassFixture<LiveDoublesHost>
{
    private static readonly string[] Regions = ["us-east-1", "us-west-2"];

    [Fact]
    public async Task A_dry_run_on_live_executors_completes_without_a_single_mutating_call()
    {
        var runId = Runs.NewRunId("dry-live");
        var (gateBefore, hooksBefore) = (host.Gate.Requests.Count, host.Hooks.Requests.Count);
        await host.StartAsync(runId, Runs.Examples().WithWebhooksAt(host.Hooks.Url), Runs.Fast());

        var (result, status) = await host.ApproveEveryGateAsync(runId, Regions);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        Assert.Empty(host.Trap.Mutations(runId));
        Assert.Equal((gateBefore, hooksBefore), (host.Gate.Requests.Count, host.Hooks.Requests.Count));

        // Every kind of executor was asked, and answered from reads: the decision reached all of them.
        var reads = host.Trap.Reads(runId);
        Assert.Contains("ec2:DescribeImages", reads);
        Assert.Contains("autoscaling:DescribeAutoScalingGroups", reads);
        Assert.Contains("autoscaling:DescribePolicies", reads);
        Assert.All(new[] { "iam", "securitygroup", "s3", "loadbalancer", "dns" }, kind => Assert.Contains($"describe {kind}", reads));
        Assert.All(status.Pipelines!, p => Assert.Equal(GatePublisher.DryRunSkipped, p.Published));
        var hook = result.Regions.Single(r => r.Region == "us-east-1").Status.Stages.Single(s => s.Name == "DEV: Notify CMDB");
        Assert.Equal(StageState.Succeeded, hook.State);
        Assert.StartsWith("would call POST ", Assert.Single(hook.Changes!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_s3_canary_run_reaches_the_promote_stage_without_copying_anything()
    {
        var runId = Runs.NewRunId("dry-s3");
        await host.StartAsync(runId, Runs.Examples().WithType("s3", "canary").WithWebhooksAt(host.Hooks.Url), Runs.Fast());

        var (result, _) = await host.ApproveEveryGateAsync(runId, Regions);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        Assert.Empty(host.Trap.Mutations(runId));
        Assert.Contains("s3:ListObjectsV2", host.Trap.Reads(runId));
        var promote = result.Regions.Single(r => r.Region == "us-east-1").Status.Stages.Single(s => s.Name == "Promote S3 [dev]");
        Assert.Equal((StageState.Succeeded, "would promote 1.4.2 to LATEST"), (promote.State, Assert.Single(promote.Changes!)));
    }

    [Fact]
    public async Task A_run_that_is_not_dry_on_the_same_host_does_reach_the_mutating_calls()
    {
        var runId = Runs.NewRunId("live-live");

        var gateBefore = host.Gate.Requests.Count;
        await host.StartAsync(runId, Runs.Examples().WithWebhooksAt(host.Hooks.Url), Runs.Fast() with { DryRun = false });

        var (result, _) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Failed, result.Outcome);
        Assert.Contains(host.Gate.Requests.Skip(gateBefore), r => r.Method == "POST" && r.Path == "/pipelines");
        Assert.Equal(["ec2:RunInstances (bake)"], host.Trap.Mutations(runId).Distinct());
        Assert.All(result.Regions, r => Assert.Equal("mutating call ec2:RunInstances (bake)", r.Error));
    }
}
