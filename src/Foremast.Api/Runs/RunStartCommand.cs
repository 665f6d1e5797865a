using Foremast.Core.Validation;
using Foremast.Workflows.Sources;
using Foremast.Workflows.Orchestrations;

namespace Foremast.Api.Runs;

/// <summary>A validated request to start a run, from <c>POST /api/runs</c> or a git hook.</summary>
/// <param name="App">The app the caller expects; the config decides the real name, and a mismatch is refused.</param>
/// <param name="DryRun">The request's decision; null when it did not say, and the engine's default (<see cref="ForemastApiOptions.DryRun"/>) applies.</param>
public sealed record RunStartCommand(string? App, string Project, string Repo, ConfigSourceSpec Source, ArtifactRef Artifact, bool? DryRun, string? ConfigFile, string? CommitAuthor = null);

public enum StartOutcome
{
    Started,
    Existing,
    Invalid,
}

/// <param name="Diagnostics">For <see cref="StartOutcome.Invalid"/>: every problem, as <c>file: path: message</c>.</param>
public sealed record StartResult(StartOutcome Outcome, string? RunId, string? App, IReadOnlyList<Diagnostic> Diagnostics);
