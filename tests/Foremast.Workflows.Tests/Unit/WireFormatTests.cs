using System.Text.Json;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Notifications;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Tests.Support;
using Microsoft.DurableTask.Converters;

namespace Foremast.Workflows.Tests.Unit;

/// <summary>Everything an orchestration passes goes through the durable data converter; these pin what survives it.</summary>
public sealed class WireFormatTests
{
    private static readonly JsonDataConverter Converter = JsonDataConverter.Default;

    [Fact]
    public void An_approval_decision_reads_from_the_json_an_http_host_sends()
    {
        var decision = Converter.Deserialize<ApprovalEvent>("""{"decision":"reject","by":"bob","comment":"too risky"}""")!;

        Assert.Equal(new ApprovalEvent(ApprovalDecision.Reject, "bob", "too risky"), decision);
        Assert.Contains("\"decision\":\"Approve\"", Converter.Serialize(new ApprovalEvent(ApprovalDecision.Approve, "alice")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_notification_result_keeps_its_failed_targets_and_the_former_true_output_reads_as_all_delivered()
    {
        var target = new NotificationTarget("microsoftteams", "https://hooks.example.com/x?sig=s", ["checkpoint.waiting"]);
        var result = new NotifyResult([new TargetFailure(target, "HTTP 500 down")]);

        var back = Converter.Deserialize<NotifyResult>(Converter.Serialize(result))!;

        Assert.Equal((target.Type, target.Address, "HTTP 500 down"), (back.Failed.Single().Target.Type, back.Failed.Single().Target.Address, back.Failed.Single().Error));
        Assert.Equal(target.When, back.Failed.Single().Target.When);
        Assert.Empty(Converter.Deserialize<NotifyResult>("true")!.Failed);
    }

    [Fact]
    public async Task The_plan_survives_the_round_trip_stage_for_stage()
    {
        var plan = await new ConfigurationActivity().RunAsync(new FakeActivityContext("c"), Runs.Examples());

        var back = Converter.Deserialize<DeploymentPlan>(Converter.Serialize(plan))!;

        // Records compare their lists by reference, so compare each stage as JSON, and a few fields directly.
        Assert.Equal(plan.Regions.SelectMany(r => r.Stages).Select(s => JsonSerializer.Serialize(s)), back.Regions.SelectMany(r => r.Stages).Select(s => JsonSerializer.Serialize(s)));
        var deploy = back.Regions[0].Stages.Single(s => s.Stage.Name == "Deploy prod").Stage;
        Assert.Equal((TimeSpan.FromHours(1), 2), (deploy.Timeout, deploy.Definition.Retry.MaxAttempts));
        Assert.Equal(["7"], deploy.RequisiteRefIds);
        Assert.Equal(plan.Regions.SelectMany(r => r.Envs), back.Regions.SelectMany(r => r.Envs));
    }

    [Fact]
    public void The_run_input_keeps_the_pinned_snapshot_intact()
    {
        var input = new DeploymentRunInput("run-1", Runs.Examples(), Runs.Artifact, Runs.Fast());

        var back = Converter.Deserialize<DeploymentRunInput>(Converter.Serialize(input))!;

        Assert.Equal(input.Snapshot.Source, back.Snapshot.Source);
        Assert.Equal(input.Snapshot.ToRawProperties().ToJsonString(), back.Snapshot.ToRawProperties().ToJsonString());
        Assert.Equal(input.Options, back.Options);
    }
}
