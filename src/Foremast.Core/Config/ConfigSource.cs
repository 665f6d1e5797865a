namespace Foremast.Core.Config;

/// <summary>Where a snapshot's files came from: a directory, or a repository at a commit.</summary>
/// <param name="ContentHash">SHA-256 over the input files, so two snapshots of the same content compare equal.</param>
public sealed record ConfigSource(string Kind, string Location, string? Commit, string ContentHash)
{
    public static ConfigSource Directory(string path, string contentHash) => new("directory", path, null, contentHash);

    public static ConfigSource Git(string repositoryUrl, string commit, string contentHash) => new("git", repositoryUrl, commit, contentHash);

    public override string ToString() => Commit is null ? $"{Kind} {Location}" : $"{Kind} {Location}@{Commit}";
}
