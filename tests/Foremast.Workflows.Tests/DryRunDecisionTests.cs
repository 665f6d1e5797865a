using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Support;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Tests;

/// <summary>A host with only the recording executors: dry runs go through, runs that are not dry are refused at the first cloud stage.</summary>
public sealed class DryRunDecisionTests(RecordingOnlyHost host) : IClassFixture<RecordingOnlyHost>
{
    [Fact]
    public async Task A_run_that_is_not_dry_fails_its_first_cloud_stage_with_one_line_and_no_retry_on_a_host_with_only_recorders()
    {
        var runId = Runs.NewRunId("live-on-recorders");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast() with { DryRun = false });

        var (result, status) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Failed, result.Outcome);
        Assert.All(result.Regions, region =>
        {
            Assert.Equal((RegionOutcome.Failed, $"Bake [{region.Region}]"), (region.Outcome, region.FailedStage));
            Assert.Equal("no live executor for bake here (only the dry-run recorder): run it as a dry run (--dry-run), or configure the AWS executors", region.Error);
            Assert.DoesNotContain('\n', region.Error!);
        });
        Assert.Equal(RunState.Failed, status.State);

        // Refused before the recorder ran.
        Assert.Empty(host.Recorder.ForRun(runId));
    }

    [Fact]
    public async Task Infrastructure_setup_that_is_not_dry_is_refused_before_any_resource_is_applied()
    {
        var runId = Runs.NewRunId("infra-on-recorders");
        var snapshot = Runs.Examples();
        var request = new StageRequest(runId, snapshot.App, "us-east-1", "dev", "2", "Infrastructure Setup [dev]", Runs.Artifact, snapshot.SettingsFor("dev", "us-east-1"), DryRun: false);
        await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(InfrastructureStageOrchestrator), new InfrastructureStageInput(request, RetrySpec.Transient(), Runs.Fast()), new StartOrchestrationOptions(InstanceId: runId));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = (await host.Host.Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, timeout.Token)).ReadOutputAs<InfrastructureStageResult>()!;

        Assert.Equal("no live executor for the iam resource here (only the dry-run recorder): run it as a dry run (--dry-run), or configure the AWS executors", result.Error);
        Assert.Empty(result.Changes);
        Assert.Empty(host.Recorder.ForRun(runId));
    }

    [Fact]
    public async Task A_dry_run_on_the_same_host_completes_through_the_recorders()
    {
        var runId = Runs.NewRunId("dry-on-recorders");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());
        foreach (var region in new[] { "us-east-1", "us-west-2" })
        {
            await host.WaitForCheckpointAsync(runId, region, "prod");
            await host.DecideAsync(runId, region, "prod", ApprovalDecision.Approve);
        }

        var (result, _) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        Assert.Contains(host.Recorder.ForRun(runId), a => a.Action == "bake");
    }
}
