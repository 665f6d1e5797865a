using Foremast.Workflows.Sources;

namespace Foremast.Api.Hooks;

/// <summary>
/// Finds the app a push belongs to: by <c>owner/name</c>, or by any of the payload's URLs compared without scheme,
/// user or <c>.git</c>. Only repositories mapped to the push's own provider are candidates: names are not unique
/// across providers, and a delivery claiming another provider must not reach a repository by its name.
/// </summary>
public static class RepoMatcher
{
    public static RepoMapping? Find(IEnumerable<RepoMapping> repos, PushEvent push)
    {
        var urls = push.RepoUrls.Select(GitUrls.Normalize).ToHashSet(StringComparer.Ordinal);
        return repos.Where(r => r.ProviderKind == push.Provider).FirstOrDefault(r =>
            (r.FullName is { Length: > 0 } name && string.Equals(name, push.FullName, StringComparison.OrdinalIgnoreCase))
            || (r.RepoUrl is { Length: > 0 } url && urls.Contains(GitUrls.Normalize(url))));
    }
}
