namespace Foremast.Api.Runs;

/// <summary>
/// The JSON body of <c>POST /api/runs</c>. Only these fields are read: anything else (for example test-only run
/// overrides such as a checkpoint timeout) is ignored, because <see cref="Orchestrations.RunOptions"/> is built by the engine.
/// </summary>
/// <param name="DryRun">True: no mutating call anywhere (AWS, Gate, webhooks). Absent: the engine's default (<c>Foremast:DryRun</c>).</param>
/// <param name="Author">Who made the deployed commit (for promote_restrict masters-only); hooks take it from the push.</param>
public sealed record StartRunBody(string? App, string? Project, string? Repo, StartRunSource? Source, StartRunArtifact? Artifact, bool? DryRun, string? Author = null);

public sealed record StartRunSource(string? Path, string? Url, string? Commit);

public sealed record StartRunArtifact(string? Version, string? Url);
