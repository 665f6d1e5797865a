using Foremast.Local.DryRun;
using Foremast.Local.Tests.Support;
using Foremast.Workflows.DryRun;

namespace Foremast.Local.Tests.Unit;

public sealed class FileActionRecorderTests
{
    private readonly string _path = TempFiles.ActionsLog("recorder");

    [Fact]
    public void Each_action_is_a_json_line_on_disk_with_its_worker_before_Record_returns()
    {
        using var recorder = new FileActionRecorder(_path, "engine-1");

        ((IActionRecorder)recorder).Record("run-1", "us-east-1", "dev", "Deploy dev", "deploy", "image ami-1");

        // Read through a separate handle while the recorder is still open, as another process would after a kill -9.
        var entry = Assert.Single(ActionLog.Read(_path));
        Assert.Equal(("engine-1", "run-1", "us-east-1", "dev", "Deploy dev", "deploy", 1L), (entry.Worker, entry.RunId, entry.Region, entry.Env, entry.Stage, entry.Action, entry.Sequence));
        Assert.Single(File.ReadAllLines(_path));
    }

    [Fact]
    public void A_restarted_engine_appends_and_continues_the_sequence()
    {
        using (var first = new FileActionRecorder(_path, "engine-1"))
        {
            first.Record("run-1", "us-east-1", "dev", "Bake", "bake", "");
            first.Record("run-1", "us-east-1", "dev", "Infrastructure Setup [dev]", "infrastructure", "");
        }

        using var second = new FileActionRecorder(_path, "engine-2");
        var third = second.Record("run-1", "us-east-1", "dev", "Deploy dev", "deploy", "");

        Assert.Equal(3, third.Sequence);
        Assert.Equal(["engine-1", "engine-1", "engine-2"], ActionLog.Read(_path).Select(e => e.Worker));
        Assert.Equal(3, second.Actions.Count);
    }

    [Fact]
    public void A_line_torn_by_a_crash_is_dropped_and_later_lines_stay_readable()
    {
        using (var first = new FileActionRecorder(_path, "engine-1"))
        {
            first.Record("run-1", "us-east-1", "dev", "Bake", "bake", "");
        }

        File.AppendAllText(_path, """{"sequence":2,"at":"2026-11-27T21:00:00Z","worker":"engine-1","runId":"run-1","reg""");
        Assert.Single(ActionLog.Read(_path));

        using var second = new FileActionRecorder(_path, "engine-2");
        second.Record("run-1", "us-east-1", "dev", "Infrastructure Setup [dev]", "infrastructure", "");

        Assert.Equal(["Bake", "Infrastructure Setup [dev]"], ActionLog.Read(_path).Select(e => e.Stage));
    }

    [Fact]
    public async Task Parallel_activities_never_interleave_lines()
    {
        using var recorder = new FileActionRecorder(_path, "engine-1");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(region => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++) recorder.Record("run-1", $"region-{region}", "dev", $"stage {i}", "deploy", new string('x', 200));
        })));

        var entries = ActionLog.Read(_path);
        Assert.Equal(400, entries.Count);
        Assert.Equal(Enumerable.Range(1, 400).Select(n => (long)n), entries.Select(e => e.Sequence));
    }
}
