using Foremast.Cli.Run;
using Foremast.Core.Plan;
using Foremast.Api.Runs;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;

namespace Foremast.Cli.Tests;

/// <summary>The pure parts of <c>foremast run</c>: artifact parsing, exit codes, the plain progress log. The engine paths are in Foremast.Local.Tests.</summary>
public sealed class RunOutputTests
{
    [Theory]
    [InlineData("1.4.2=https://a.example/w.rpm", "1.4.2", "https://a.example/w.rpm")]
    [InlineData("1.4.2", "1.4.2", "https://artifacts.invalid/webshop-1.4.2.rpm")]
    [InlineData(null, ArtifactOption.DefaultVersion, "https://artifacts.invalid/webshop-0.0.0-local.rpm")]
    public void Artifact_is_version_and_optional_url(string? value, string version, string url) =>
        Assert.Equal((version, url), ArtifactOption.Parse(value, "webshop"));

    [Fact]
    public void Artifact_without_a_version_is_refused() => Assert.Throws<ArgumentException>(() => ArtifactOption.Parse("=https://a.example/w.rpm", "webshop"));

    [Theory]
    [InlineData("Completed", RunOutcome.Succeeded, 0)]
    [InlineData("Completed", RunOutcome.Stopped, 3)]
    [InlineData("Completed", RunOutcome.Failed, 1)]
    [InlineData("Terminated", null, 1)]
    [InlineData("Failed", null, 1)]
    public void Exit_code_follows_the_outcome(string runtime, RunOutcome? outcome, int code)
    {
        var result = outcome is { } o ? new DeploymentRunResult("r", "app", o, []) : null;
        Assert.Equal(code, RunExit.Code(Document(runtime, result, [])));
    }

    [Fact]
    public void Cancelled_run_exits_3_and_says_who_cancelled_it_and_when()
    {
        var cancelled = Document("Terminated", null, []) with { Cancelled = new RunCancellation("alice@example.com", new DateTime(2026, 11, 27, 12, 30, 0, DateTimeKind.Utc), "wrong artifact") };

        Assert.Equal(3, RunExit.Code(cancelled));
        Assert.Equal("run r cancelled by alice@example.com at 2026-11-27 12:30:00 UTC: wrong artifact", RunExit.Describe(cancelled));
    }

    [Fact]
    public void Plain_progress_names_the_retries_of_a_stage_beside_its_duration()
    {
        using var output = new StringWriter();
        var start = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
        StageStatus Stage(string refId, string name, int? retries) =>
            new(refId, name, StageKind.Bake, null, false, StageState.Succeeded, start, start.AddSeconds(2), Retries: retries);

        new PlainProgress(output).Update(Document("Running", null, [Stage("1", "Bake", 1), Stage("2", "Deploy dev", 3), Stage("3", "Deploy stage", null)]));

        Assert.Equal(
            ["[us-east-1] Bake: succeeded (2.0 s, 1 retry)", "[us-east-1] Deploy dev: succeeded (2.0 s, 3 retries)", "[us-east-1] Deploy stage: succeeded (2.0 s)"],
            output.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Plain_progress_prints_each_stage_change_once_and_skips_pending()
    {
        using var output = new StringWriter();
        var view = new PlainProgress(output);
        var start = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
        StageStatus Stage(StageState state, DateTime? end = null) =>
            new("1", "Deploy dev", StageKind.Deploy, "dev", false, state, state == StageState.Pending ? null : start, end);

        view.Update(Document("Running", null, [Stage(StageState.Pending)]));
        view.Update(Document("Running", null, [Stage(StageState.Running)]));
        view.Update(Document("Running", null, [Stage(StageState.Running)]));
        view.Update(Document("Running", null, [Stage(StageState.Succeeded, start.AddSeconds(1.5))]));

        Assert.Equal(["[us-east-1] Deploy dev: running", "[us-east-1] Deploy dev: succeeded (1.5 s)"], output.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Plain_progress_prints_a_stage_s_change_lines_under_its_final_state()
    {
        using var output = new StringWriter();
        var view = new PlainProgress(output);
        var start = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
        var stage = new StageStatus("2", "Infrastructure Setup [dev]", StageKind.Infrastructure, "dev", false, StageState.Running, start);

        view.Update(Document("Running", null, [stage]));
        view.Update(Document("Running", null, [stage with { State = StageState.Succeeded, EndedAt = start.AddSeconds(2), Changes = ["created iam webshop_role", "unchanged dns webshop.dev.example.com"] }]));

        Assert.Equal(
            ["[us-east-1] Infrastructure Setup [dev]: running", "[us-east-1] Infrastructure Setup [dev]: succeeded (2.0 s)", "    created iam webshop_role", "    unchanged dns webshop.dev.example.com"],
            output.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Following_a_run_names_each_undelivered_notification_once_by_event_target_host_and_error()
    {
        var notes = new NotificationNotes();
        var at = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
        var starting = new NotificationFailure("pipeline.starting", "microsoftteams to hooks.example.com", "HTTP 500 receiver down", at, 3);
        var waiting = new NotificationFailure("checkpoint.waiting", "slack to hooks.slack.com", "HTTP 404 no_service", at, 3, "us-east-1", "prod");
        var run = Document("Running", null, []);
        var first = run with { Status = run.Status! with { NotificationFailures = [starting] } };
        var second = first with { Status = first.Status! with { Regions = [first.Status.Regions[0] with { NotificationFailures = [waiting] }] } };

        Assert.Equal(["pipeline.starting notification to microsoftteams to hooks.example.com not delivered after 3 attempts: HTTP 500 receiver down"], notes.New(first));
        Assert.Equal(["[us-east-1] checkpoint.waiting notification to slack to hooks.slack.com not delivered after 3 attempts: HTTP 404 no_service"], notes.New(second));
        Assert.Empty(notes.New(second));
    }

    [Fact]
    public void Standing_names_each_region_s_place_and_groups_regions_in_the_same_place()
    {
        var gate = new OpenCheckpoint("Checkpoint prod", "prod", "r:x", "approval:x:prod", DateTime.UnixEpoch, DateTime.UnixEpoch.AddHours(1));
        RegionStatus Region(string name, RegionState state, string? current, OpenCheckpoint? checkpoint = null) => new(name, $"r:{name}", state, current, [], checkpoint);
        var run = Document("Running", null, []) with
        {
            Status = new RunStatus("r", "app", RunState.Running, DateTime.UnixEpoch, null,
            [
                Region("us-east-1", RegionState.WaitingForApproval, "Checkpoint prod", gate),
                Region("eu-west-1", RegionState.Running, "Deploy dev"),
                Region("us-west-2", RegionState.WaitingForApproval, "Checkpoint prod", gate),
            ]),
        };

        Assert.Equal("waiting at Checkpoint prod (us-east-1, us-west-2); running Deploy dev (eu-west-1)", RunStanding.Describe(run));
        Assert.Equal("not started yet", RunStanding.Describe(null));
    }

    private static RunDocument Document(string runtime, DeploymentRunResult? result, IReadOnlyList<StageStatus> stages) =>
        new("r", "app", runtime, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null,
            new RunStatus("r", "app", RunState.Running, DateTime.UnixEpoch, null, [new RegionStatus("us-east-1", "r:us-east-1", RegionState.Running, null, stages)]),
            result, null, null);
}
