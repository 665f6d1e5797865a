using Foremast.Api.Runs;

namespace Foremast.Cli.Run;

/// <summary>Where <c>foremast run</c> shows a run: a live table on a terminal, plain lines anywhere else.</summary>
public interface IProgressView
{
    /// <summary>Shows the latest status document; called after every poll.</summary>
    void Update(RunDocument run);

    /// <summary>A message printed once (an approval link, a decision), above the live table when there is one.</summary>
    void Note(string text);
}
