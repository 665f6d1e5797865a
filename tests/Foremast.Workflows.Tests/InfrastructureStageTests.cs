using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Tests;

public sealed class InfrastructureStageTests(InfrastructureHost host) : IClassFixture<InfrastructureHost>
{
    private static readonly string[] AllKinds = [ResourceKinds.Iam, ResourceKinds.SecurityGroup, ResourceKinds.S3, ResourceKinds.LoadBalancer, ResourceKinds.Dns];

    [Fact]
    public async Task Phases_run_in_order_iam_security_group_and_s3_together_then_load_balancer_then_dns()
    {
        var runId = Runs.NewRunId("phases");
        host.Probe.RequireParallelPhaseOne(runId);

        var result = await RunStageAsync(runId, "ec2");

        Assert.Null(result.Error);
        var events = host.Probe.Events(runId).ToList();
        var lastOfPhaseOne = ResourceProbe.PhaseOne.Max(kind => events.IndexOf($"end {kind}"));
        Assert.True(events.IndexOf("start loadbalancer") > lastOfPhaseOne, string.Join(", ", events));
        Assert.True(events.IndexOf("start dns") > events.IndexOf("end loadbalancer"), string.Join(", ", events));
        Assert.Equal(AllKinds.Order(), result.Changes.Select(c => c.Kind).Order());
    }

    [Fact]
    public async Task A_retried_resource_does_not_run_the_others_again()
    {
        var runId = Runs.NewRunId("retry");
        host.Probe.Fail(runId, ResourceKinds.SecurityGroup, times: 1);

        var result = await RunStageAsync(runId, "ec2", dryRun: false);

        Assert.Null(result.Error);
        Assert.Equal(2, host.Probe.Calls(runId, ResourceKinds.SecurityGroup));
        Assert.All(AllKinds.Where(k => k != ResourceKinds.SecurityGroup), kind => Assert.Equal(1, host.Probe.Calls(runId, kind)));
        Assert.All(result.Changes, c => Assert.Equal("created", c.Verb));
    }

    [Fact]
    public async Task A_resource_that_keeps_failing_ends_the_stage_after_its_phase_and_the_changes_made_are_kept()
    {
        var runId = Runs.NewRunId("fails");
        host.Probe.Fail(runId, ResourceKinds.Iam, times: int.MaxValue);

        var result = await RunStageAsync(runId, "ec2");

        Assert.Equal("iam: Throttling: Rate exceeded", result.Error);
        Assert.Equal(3, host.Probe.Calls(runId, ResourceKinds.Iam)); // RetrySpec.Transient(): 3 attempts
        Assert.Equal([ResourceKinds.S3, ResourceKinds.SecurityGroup], result.Changes.Select(c => c.Kind).Order());
        Assert.Equal(0, host.Probe.Calls(runId, ResourceKinds.LoadBalancer));
        Assert.Equal(0, host.Probe.Calls(runId, ResourceKinds.Dns));
    }

    [Theory]
    [InlineData("s3", new[] { "s3" })]
    [InlineData("lambda", new[] { "iam", "s3", "securitygroup" })]
    [InlineData("datapipeline", new string[0])]
    public async Task Each_pipeline_type_converges_the_resources_Foremast_prepares_for_it(string type, string[] kinds)
    {
        var runId = Runs.NewRunId(type);

        var result = await RunStageAsync(runId, type);

        Assert.Null(result.Error);
        Assert.Equal(kinds, AllKinds.Where(k => host.Probe.Calls(runId, k) > 0).Order());
    }

    [Fact]
    public async Task Every_resource_change_is_a_line_in_the_stage_status_of_the_run()
    {
        var runId = Runs.NewRunId("status");
        var snapshot = Runs.Examples();
        await host.StartAsync(runId, snapshot, Runs.Fast());
        foreach (var region in new[] { "us-east-1", "us-west-2" })
        {
            await host.WaitForCheckpointAsync(runId, region, "prod");
            await host.DecideAsync(runId, region, "prod", ApprovalDecision.Approve);
        }

        var (result, _) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        var stage = result.Regions.Single(r => r.Region == "us-east-1").Status.Stages.Single(s => s.Name == "Infrastructure Setup [dev]");
        Assert.Equal(StageState.Succeeded, stage.State);
        Assert.Equal(AllKinds.Select(k => $"would create {k} {snapshot.App}-{k}: dev/us-east-1").Order(), stage.Changes!.Order());
    }

    private async Task<InfrastructureStageResult> RunStageAsync(string runId, string pipelineType, bool dryRun = true)
    {
        var snapshot = Runs.Examples();
        var request = new StageRequest(runId, snapshot.App, "us-east-1", "dev", "2", "Infrastructure Setup [dev]", Runs.Artifact, snapshot.SettingsFor("dev", "us-east-1"), dryRun, pipelineType);
        var input = new InfrastructureStageInput(request, RetrySpec.Transient(), Runs.Fast());
        await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(InfrastructureStageOrchestrator), input, new StartOrchestrationOptions(InstanceId: runId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var instance = await host.Host.Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        return instance.ReadOutputAs<InfrastructureStageResult>()!;
    }
}
