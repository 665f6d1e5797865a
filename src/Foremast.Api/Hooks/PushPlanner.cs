using Foremast.Api.Runs;
using Foremast.Workflows.Sources;
using Foremast.Workflows.Orchestrations;

namespace Foremast.Api.Hooks;

/// <summary>
/// Decides what a push means: nothing (a tag, a deletion, an unmapped repository or branch), or a run of the mapped
/// app at the pushed commit. A hook has no build information, so the artifact version is the short commit and its
/// URL comes from the repo map's <see cref="RepoMapping.ArtifactUrl"/> pattern.
/// </summary>
public static class PushPlanner
{
    /// <param name="repo">The mapping <see cref="RepoMatcher"/> found for the push (null: none), already authenticated.</param>
    /// <returns>The run to start, or why this push starts none.</returns>
    public static (RunStartCommand? Command, string? Reason) Plan(PushEvent push, RepoMapping? repo, ForemastApiOptions options)
    {
        if (push.IsTag) return (null, $"{push.Ref}: tag pushes do not deploy");
        if (push.IsDeletion) return (null, $"{push.Ref}: deletion");
        if (push.Branch is not { } branch) return (null, $"{push.Ref}: not a branch");
        if (repo is null) return (null, $"repository {push.FullName ?? push.CloneUrl} is not configured");
        var branches = repo.Branches.Count > 0 ? repo.Branches : options.Webhooks.EffectiveBranches;
        if (!branches.Contains(branch, StringComparer.Ordinal)) return (null, $"branch {branch} does not deploy (deploying: {string.Join(", ", branches)})");
        if ((repo.RepoUrl is { Length: > 0 } own ? own : push.CloneUrl) is not { } url) return (null, "the payload names no clone URL and the repo map gives none");

        var commit = push.Commit!;
        var version = commit.Length > 12 ? commit[..12] : commit;
        var artifactUrl = (repo.ArtifactUrl ?? "").Replace("{commit}", commit).Replace("{version}", version);
        var command = new RunStartCommand(null, repo.Project, repo.Repo, new ConfigSourceSpec(Url: url, Commit: commit),
            new ArtifactRef(version, artifactUrl), repo.DryRun, options.ConfigFileFor(repo), push.Author);
        return (command, null);
    }
}
