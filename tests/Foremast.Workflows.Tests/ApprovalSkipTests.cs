using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests;

/// <summary>Which gates exist is the plan's decision (app's approval_skip AND the admin's enable_approval_skip); the engine only follows it.</summary>
public sealed class ApprovalSkipTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task Approval_skip_allowed_for_stage_means_no_stage_gate()
    {
        var runId = Runs.NewRunId("skip");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());

        // The first gate us-east-1 reaches is prod: stage (not its first env) was skipped as the admin allows.
        var east = await host.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        Assert.DoesNotContain(east.Stages, s => s.Name == "Checkpoint stage");
        Assert.Contains(host.Recorder.ForRun(runId), a => a.Region == "us-east-1" && a.Stage == "Deploy stage");
        await host.DecideAsync(runId, "us-east-1", "prod", ApprovalDecision.Reject);
        await host.WaitForCheckpointAsync(runId, "us-west-2", "prod");
        await host.DecideAsync(runId, "us-west-2", "prod", ApprovalDecision.Reject);
        await host.CompleteAsync(runId);
    }

    [Fact]
    public async Task Approval_skip_not_allowed_by_the_admin_keeps_the_stage_gate()
    {
        var runId = Runs.NewRunId("noskip");
        await host.StartAsync(runId, Runs.ExamplesWithoutStageSkip(), Runs.Fast());

        var east = await host.WaitForCheckpointAsync(runId, "us-east-1", "stage");
        Assert.Equal("Checkpoint stage", east.CurrentStage);
        Assert.DoesNotContain(host.Recorder.ForRun(runId), a => a.Region == "us-east-1" && a.Env == "stage" && a.Action != "checkpoint.waiting");

        // us-west-2 starts with stage, and a region's first non-prod env never has a gate.
        var west = await host.WaitForCheckpointAsync(runId, "us-west-2", "prod");
        Assert.DoesNotContain(west.Stages, s => s.Name == "Checkpoint stage");

        await host.DecideAsync(runId, "us-east-1", "stage", ApprovalDecision.Approve, "dana");
        await host.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        await host.DecideAsync(runId, "us-east-1", "prod", ApprovalDecision.Approve, "dana");
        await host.DecideAsync(runId, "us-west-2", "prod", ApprovalDecision.Approve, "dana");
        var (result, _) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        Assert.Equal(["Checkpoint stage", "Checkpoint prod"], result.Regions.Single(r => r.Region == "us-east-1").Checkpoints.Select(c => c.Stage));
        Assert.Equal(["Checkpoint prod"], result.Regions.Single(r => r.Region == "us-west-2").Checkpoints.Select(c => c.Stage));
    }
}
