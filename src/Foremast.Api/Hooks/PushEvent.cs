namespace Foremast.Api.Hooks;

public enum GitProvider
{
    GitHub,
    GitLab,
    Bitbucket,
    Generic,
}

/// <summary>One ref update of a push, in provider-neutral form.</summary>
/// <param name="Ref">The full ref, <c>refs/heads/…</c> or <c>refs/tags/…</c>.</param>
/// <param name="Commit">The new head; null or forty zeros for a deletion.</param>
/// <param name="RepoUrls">Every URL the payload gives for the repository (clone, web, SSH), for matching the repo map.</param>
/// <param name="CloneUrl">The URL to fetch from when the repo map names none.</param>
/// <param name="Author">The pushed head commit's author (email, else user name), for promote_restrict masters-only.</param>
public sealed record PushEvent(GitProvider Provider, string Ref, string? Commit, bool Deleted, string? FullName, IReadOnlyList<string> RepoUrls, string? CloneUrl, string? Author = null)
{
    private const string Heads = "refs/heads/";

    public bool IsTag => Ref.StartsWith("refs/tags/", StringComparison.Ordinal);

    public string? Branch => Ref.StartsWith(Heads, StringComparison.Ordinal) ? Ref[Heads.Length..] : null;

    public bool IsDeletion => Deleted || Commit is null || Commit.All(c => c == '0');
}
