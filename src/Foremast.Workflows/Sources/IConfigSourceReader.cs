using Foremast.Core.Config;

namespace Foremast.Workflows.Sources;

/// <summary>Where a run's runway files are: a directory on the engine's disk, or a repository URL at a commit.</summary>
public sealed record ConfigSourceSpec(string? Path = null, string? Url = null, string? Commit = null)
{
    public bool IsGit => Url is not null;
}

/// <param name="ConfigFile">The global Foremast config JSON; null for Foremast's defaults.</param>
public sealed record ConfigReadRequest(ConfigSourceSpec Source, string Project, string Repo, string? ConfigFile);

/// <summary>Loads and validates the config at a source into a snapshot; problems come back as diagnostics, never as exceptions.</summary>
public interface IConfigSourceReader
{
    Task<LoadResult> ReadAsync(ConfigReadRequest request, CancellationToken cancellationToken);
}
