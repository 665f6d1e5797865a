using Foremast.Api.Runs;

namespace Foremast.Cli.Run;

/// <summary>One line per stage state change, then the stage's change lines: for CI logs and redirected output, where a redrawn table would be noise.</summary>
public sealed class PlainProgress(TextWriter output) : IProgressView
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    public void Update(RunDocument run)
    {
        foreach (var region in run.Status?.Regions ?? [])
        {
            foreach (var stage in region.Stages)
            {
                var key = $"{region.Region}/{stage.RefId}";
                var state = StageRows.State(stage);
                if (_seen.TryGetValue(key, out var before) && before == state) continue;
                if (before is null && state == "pending") { _seen[key] = state; continue; }
                _seen[key] = state;
                var duration = StageRows.Timing(stage, DateTime.UtcNow);
                output.WriteLine($"[{region.Region}] {stage.Name}: {state}{(stage.EndedAt is not null && duration.Length > 0 ? $" ({duration})" : "")}{(stage.Error is { } e ? $" - {e}" : "")}");

                // What the stage did (resources created, image baked, webhook called), once, under its final state.
                foreach (var change in stage.Changes ?? []) output.WriteLine($"    {change}");
            }
        }
    }

    public void Note(string text) => output.WriteLine(text);
}
