using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Telemetry;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests.Telemetry;

/// <summary>A real durable run (in-process host, recording executors) emits the run, stage and checkpoint instruments and spans.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class RunTelemetryTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task An_approved_run_counts_start_and_completion_and_records_stage_durations_checkpoint_waits_and_spans_in_one_trace()
    {
        using var capture = new TelemetryCapture();
        var runId = Runs.NewRunId("telemetry");
        await host.StartAsync(runId, Runs.Examples(), Runs.Fast());

        var (result, _) = await host.ApproveEveryGateAsync(runId, ["us-east-1", "us-west-2"]);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        var app = result.App;
        Assert.Single(capture.Measurements("foremast.runs.started"), m => Equals(m.Tags[ForemastTelemetry.AppTag], app));
        var completed = Assert.Single(capture.Measurements("foremast.runs.completed"));
        Assert.Equal("succeeded", completed.Tags[ForemastTelemetry.OutcomeTag]);
        Assert.Empty(capture.Measurements("foremast.runs.failed"));

        // Every stage that ran in either region, once each (replays record nothing), by kind.
        var stages = capture.Measurements("foremast.stage.duration");
        var ran = result.Regions.SelectMany(r => r.Status.Stages.Where(s => s.State == Status.StageState.Succeeded && !s.Name.StartsWith("Checkpoint", StringComparison.Ordinal)).Select(s => (r.Region, s.Name))).ToList();
        Assert.Equal(ran.Count, stages.Count);
        Assert.All(stages, m => Assert.Equal("succeeded", m.Tags[ForemastTelemetry.OutcomeTag]));
        Assert.Contains(stages, m => Equals(m.Tags[ForemastTelemetry.StageKindTag], "Deploy") && Equals(m.Tags[ForemastTelemetry.EnvTag], "prod") && Equals(m.Tags[ForemastTelemetry.RegionTag], "us-west-2"));

        var waits = capture.Measurements("foremast.checkpoint.wait");
        Assert.Equal(result.Regions.Sum(r => r.Checkpoints.Count), waits.Count);
        Assert.All(waits, m => Assert.Equal("approved", m.Tags[ForemastTelemetry.OutcomeTag]));

        var trace = RunTrace.Root(runId).TraceId;
        var spans = capture.Spans.Where(s => s.TraceId == trace).ToList();
        Assert.Single(spans, s => s.DisplayName == $"run {app}");
        Assert.Contains(spans, s => s.DisplayName == "stage Deploy prod" && Equals(s.GetTagItem(ForemastTelemetry.RegionTag), "us-east-1"));
        Assert.Contains(spans, s => s.DisplayName == "checkpoint Checkpoint prod");
        var converge = spans.First(s => s.DisplayName == "activity ConvergeResourceActivity");
        Assert.Equal(runId, converge.GetTagItem(ForemastTelemetry.RunIdTag));
        Assert.NotNull(converge.GetTagItem(ForemastTelemetry.EnvTag));
        Assert.NotNull(converge.GetTagItem(ForemastTelemetry.StageTag));
    }
}
