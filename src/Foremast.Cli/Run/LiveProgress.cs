using Foremast.Api.Runs;
using Foremast.Workflows.Status;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Foremast.Cli.Run;

/// <summary>
/// A table per region (stage, state, duration) redrawn in place through <see cref="AnsiConsole.Live"/>. Notes are kept
/// above the tables inside the same renderable: writing to the console while Live draws would tear the display.
/// </summary>
public sealed class LiveProgress(IAnsiConsole console) : IProgressView
{
    private readonly List<string> _notes = [];
    private LiveDisplayContext? _context;
    private RunDocument? _last;

    /// <summary>Runs <paramref name="work"/> while the display is live; the final state stays on screen afterwards.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work) =>
        console.Live(Render()).AutoClear(false).StartAsync(async context =>
        {
            _context = context;
            try
            {
                return await work();
            }
            finally
            {
                Refresh();
                _context = null;
            }
        });

    public void Update(RunDocument run)
    {
        _last = run;
        Refresh();
    }

    public void Note(string text)
    {
        _notes.Add(text);
        Refresh();
    }

    private void Refresh()
    {
        if (_context is null) return;
        _context.UpdateTarget(Render());
        _context.Refresh();
    }

    private IRenderable Render()
    {
        var parts = new List<IRenderable>();
        parts.AddRange(_notes.Select(n => new Text(n)));
        var now = DateTime.UtcNow;
        foreach (var region in _last?.Status?.Regions ?? [])
        {
            var table = new Table().Title($"{region.Region}: {region.State}").AddColumns("stage", "state", "duration");
            foreach (var stage in region.Stages)
            {
                table.AddRow(Markup.Escape(stage.Name), $"[{Color(stage.State)}]{Markup.Escape(StageRows.State(stage))}[/]", StageRows.Timing(stage, now));
                foreach (var change in stage.Changes ?? []) table.AddRow($"[grey]  {Markup.Escape(change)}[/]", "", "");
            }

            parts.Add(table);
        }

        if (parts.Count == 0) parts.Add(new Text($"run {_last?.RunId ?? ""}: {_last?.Status?.State.ToString() ?? "starting"}"));
        return new Rows(parts);
    }

    private static string Color(StageState state) => state switch
    {
        StageState.Succeeded => "green",
        StageState.Running => "blue",
        StageState.WaitingForApproval => "yellow",
        StageState.Failed => "red",
        StageState.Stopped => "red",
        _ => "grey",
    };
}
