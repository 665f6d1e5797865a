using Foremast.Core.Validation;

namespace Foremast.Core.Config;

/// <param name="RunwayDirectory">Directory holding <c>pipeline.json</c> and <c>application-master-{env}.json</c>.</param>
/// <param name="ConfigFile">The global Foremast config JSON, or null for Foremast's built-in defaults.</param>
/// <param name="Source">Overrides the recorded source (for example a git commit); defaults to the directory.</param>
public sealed record LoadRequest(string RunwayDirectory, string? ConfigFile, string Project, string Repo, ConfigSource? Source = null);

public sealed record LoadResult(ConfigSnapshot? Snapshot, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsValid => Snapshot is not null && Diagnostics.All(d => d.Severity != Severity.Error);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);

    public ConfigSnapshot SnapshotOrThrow() => IsValid ? Snapshot! : throw new ConfigValidationException(Diagnostics);
}
