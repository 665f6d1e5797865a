using System.Text.Json;
using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Tests.Support;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Tests;

/// <summary>The deploy wait on its own: the plan's deploy timeout is an hour, so these start the sub-orchestration directly with a short one.</summary>
public sealed class DeployStageTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task Polling_gives_up_at_the_stage_timeout_with_backoff_between_probes()
    {
        var runId = Runs.NewRunId("deploytimeout");
        host.Script.NeverHealthy(runId, "us-east-1", "Deploy dev");
        var input = new DeployStageInput(Request(runId), "ami-1", TimeSpan.FromSeconds(1), RetrySpec.None, Runs.Fast() with { HealthPollInterval = TimeSpan.FromMilliseconds(100) });

        var result = await RunAsync(runId, input);

        Assert.False(result.Succeeded);
        Assert.Contains("not healthy within 00:00:01: 0 of 3 instances in service", result.Error, StringComparison.Ordinal);
        // Waits of 100, 200, 400 ms: at most four probes fit in one second (ten at a fixed 100 ms), so the upper bound
        // is what proves the backoff. Activity round trips take real time too and a loaded machine fits fewer.
        Assert.InRange(result.HealthChecks, 1, 4);
        Assert.Equal(result.HealthChecks, host.Recorder.ForRun(runId).Count(a => a.Action == "check-health"));
    }

    [Fact]
    public async Task A_group_that_never_gets_healthy_is_rolled_back_before_the_stage_fails()
    {
        var runId = Runs.NewRunId("deployrollback");
        host.Script.NeverHealthy(runId, "us-east-1", "Deploy dev");
        var input = new DeployStageInput(Request(runId), "ami-1", TimeSpan.FromMilliseconds(500), RetrySpec.None, Runs.Fast() with { HealthPollInterval = TimeSpan.FromMilliseconds(100) });

        var result = await RunAsync(runId, input);

        Assert.False(result.Succeeded);
        var rollback = Assert.Single(host.Recorder.ForRun(runId), a => a.Action == "rollback");
        Assert.StartsWith($"{result.Handle!.ServerGroup}: {result.Handle.ServerGroup} not healthy within", rollback.Summary, StringComparison.Ordinal);
        Assert.StartsWith($"{result.Handle.ServerGroup} rolled back: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_healthy_deploy_is_never_rolled_back()
    {
        var runId = Runs.NewRunId("deploynorollback");
        var result = await RunAsync(runId, new DeployStageInput(Request(runId), "ami-1", TimeSpan.FromSeconds(10), RetrySpec.None, Runs.Fast()));

        Assert.True(result.Succeeded, result.Error);
        Assert.DoesNotContain(host.Recorder.ForRun(runId), a => a.Action == "rollback");
    }

    [Fact]
    public async Task A_healthy_deploy_returns_its_handle()
    {
        var runId = Runs.NewRunId("deployok");
        var input = new DeployStageInput(Request(runId), "ami-1", TimeSpan.FromSeconds(10), RetrySpec.None, Runs.Fast());

        var result = await RunAsync(runId, input);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(("us-east-1", "dev"), (result.Handle!.Region, result.Handle.Env));
        Assert.Contains(host.Recorder.ForRun(runId), a => a.Action == "deploy" && a.Summary.StartsWith("image ami-1 version 1.4.2", StringComparison.Ordinal));
    }

    private async Task<DeployStageResult> RunAsync(string runId, DeployStageInput input)
    {
        await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DeployStageOrchestrator), input, new StartOrchestrationOptions(InstanceId: runId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var instance = await host.Host.Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, timeout.Token);
        return instance.ReadOutputAs<DeployStageResult>()!;
    }

    private static StageRequest Request(string runId) =>
        new(runId, "webshopacme", "us-east-1", "dev", "3", "Deploy dev", Runs.Artifact, JsonDocument.Parse("""{"deploy_strategy":"highlander"}""").RootElement, DryRun: true);
}
