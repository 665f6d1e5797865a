using Foremast.Workflows.DryRun;

namespace Foremast.Workflows.Tests.Unit;

public sealed class InMemoryActionRecorderTests
{
    [Fact]
    public async Task Parallel_recording_loses_nothing_and_numbers_every_action_once()
    {
        IActionRecorder recorder = new InMemoryActionRecorder();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++) recorder.Record("run", $"region-{worker}", "dev", $"stage {i}", "deploy", "");
        })));

        Assert.Equal(2000, recorder.Actions.Count);
        Assert.Equal(Enumerable.Range(1, 2000).Select(n => (long)n), recorder.Actions.Select(a => a.Sequence));
        Assert.Equal(2000, recorder.Actions.Select(a => a.Key).Distinct().Count());
    }
}
