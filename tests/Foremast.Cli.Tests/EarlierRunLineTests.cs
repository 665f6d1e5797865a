using Foremast.Api.Runs;
using Foremast.Cli.Run;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;

namespace Foremast.Cli.Tests;

/// <summary>The one line <c>foremast run</c> prints when it finds an ended run of the same artifact. The engine path is in Foremast.Local.Tests.</summary>
public sealed class EarlierRunLineTests
{
    private static readonly DateTime Ended = new(2026, 11, 30, 10, 15, 2, DateTimeKind.Utc);

    [Fact]
    public void Succeeded_run_names_the_run_its_result_when_it_ended_and_the_rerun_option()
    {
        var run = Document("Completed", new DeploymentRunResult("webshopacme-1a2b", "webshopacme", RunOutcome.Succeeded, []));

        Assert.Equal(
            "run webshopacme-1a2b of this artifact has already ended: succeeded at 2026-11-30 10:15:02 UTC; nothing started. Add --rerun to start a new attempt from its first stage.",
            RunToFollow.DescribeEnded(run));
    }

    [Fact]
    public void Failed_run_adds_the_first_line_of_its_error()
    {
        var run = Document("Completed", new DeploymentRunResult("webshopacme-1a2b", "webshopacme", RunOutcome.Failed, [], "Deploy dev failed: no AMI\n  at the bake"));

        Assert.Equal(
            "run webshopacme-1a2b of this artifact has already ended: failed at 2026-11-30 10:15:02 UTC (Deploy dev failed: no AMI); nothing started. Add --rerun to start a new attempt from its first stage.",
            RunToFollow.DescribeEnded(run));
    }

    [Fact]
    public void Cancelled_run_says_who_cancelled_it_when_and_why()
    {
        var run = Document("Terminated", null) with { Cancelled = new RunCancellation("alice@example.com", Ended, "wrong artifact") };

        Assert.Equal(
            "run webshopacme-1a2b of this artifact has already ended: cancelled by alice@example.com at 2026-11-30 10:15:02 UTC (wrong artifact); nothing started. Add --rerun to start a new attempt from its first stage.",
            RunToFollow.DescribeEnded(run));
    }

    private static RunDocument Document(string runtime, DeploymentRunResult? result) =>
        new("webshopacme-1a2b", "webshopacme", runtime, Ended.AddMinutes(-5), Ended.AddSeconds(1), null,
            new RunStatus("webshopacme-1a2b", "webshopacme", RunState.Succeeded, Ended.AddMinutes(-5), Ended, []), result, null, null);
}
