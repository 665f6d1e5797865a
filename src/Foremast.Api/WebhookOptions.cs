using Foremast.Api.Hooks;

namespace Foremast.Api;

/// <summary>
/// Git push hooks: which repositories are which app and which provider sends their pushes, the secrets that sign
/// them, and the branches that deploy. Closed by default: a repository with no secret (its own or its provider's)
/// accepts no delivery, unless <see cref="AllowUnsigned"/> is switched on for a local experiment.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>The GitHub webhook secret (checks <c>X-Hub-Signature-256</c>) for GitHub repositories without their own.</summary>
    public string? GitHubSecret { get; set; }

    /// <summary>The GitLab secret token (compared with <c>X-Gitlab-Token</c>) for GitLab repositories without their own.</summary>
    public string? GitLabToken { get; set; }

    /// <summary>The Bitbucket Cloud webhook secret (checks <c>X-Hub-Signature</c>) for Bitbucket repositories without their own.</summary>
    public string? BitbucketSecret { get; set; }

    /// <summary>Key for the generic hook (<c>X-Foremast-Signature: sha256=…</c>) for generic repositories without their own.</summary>
    public string? GenericSecret { get; set; }

    /// <summary>
    /// Accepts unsigned deliveries for mapped repositories that have no secret at all. For local experiments only: the
    /// hosts log a warning at start-up while it is on. A repository that has a secret still needs it.
    /// </summary>
    public bool AllowUnsigned { get; set; }

    /// <summary>Branches whose pushes start a run; empty means <c>main</c> and <c>master</c>.</summary>
    public List<string> Branches { get; set; } = [];

    public List<RepoMapping> Repos { get; set; } = [];

    public IReadOnlyList<string> EffectiveBranches => Branches.Count > 0 ? Branches : ["main", "master"];

    /// <summary>The provider-wide secret; app settings often hold empty strings for "not set".</summary>
    public string? ProviderSecret(GitProvider provider) => (provider switch
    {
        GitProvider.GitHub => GitHubSecret,
        GitProvider.GitLab => GitLabToken,
        GitProvider.Bitbucket => BitbucketSecret,
        _ => GenericSecret,
    }) is { Length: > 0 } secret ? secret : null;

    /// <summary>The secret that must sign a repository's deliveries: its own, else its provider's; null when it has none.</summary>
    public string? SecretOf(RepoMapping repo) =>
        repo.Secret is { Length: > 0 } own ? own : repo.ProviderKind is { } provider ? ProviderSecret(provider) : null;
}

/// <summary>
/// Which repository deploys which app. A push matches on <see cref="RepoUrl"/> or <see cref="FullName"/>, and only when
/// it arrives as the <see cref="Provider"/> the repository is mapped to.
/// </summary>
public sealed class RepoMapping
{
    /// <summary><c>github</c>, <c>gitlab</c>, <c>bitbucket</c> or <c>generic</c>: the only kind of delivery that may start this repository's runs.</summary>
    public string? Provider { get; set; }

    /// <summary>This repository's own webhook secret (GitLab: its secret token); unset falls back to the provider-wide one.</summary>
    public string? Secret { get; set; }

    /// <summary><see cref="Provider"/> parsed; null when it is missing or not one of the four.</summary>
    public GitProvider? ProviderKind => GitProviders.Parse(Provider);

    /// <summary>The repository URL to clone; a push whose clone, HTML or SSH URL is this one matches.</summary>
    public string? RepoUrl { get; set; }

    /// <summary><c>owner/name</c> (GitHub, Bitbucket) or <c>group/project</c> (GitLab).</summary>
    public string? FullName { get; set; }

    public string Project { get; set; } = "";

    public string Repo { get; set; } = "";

    /// <summary>Global Foremast config for this app; falls back to <see cref="ForemastApiOptions.ConfigFile"/>.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>True or false decides for this repository's runs; unset leaves it to <see cref="ForemastApiOptions.DryRun"/>.</summary>
    public bool? DryRun { get; set; }

    /// <summary>Package URL of the build for a commit; <c>{commit}</c> and <c>{version}</c> (its first 12 characters, the run's artifact version) are replaced; unset means no package URL.</summary>
    public string? ArtifactUrl { get; set; }

    /// <summary>Branches for this repository only; empty means the hook-wide list.</summary>
    public List<string> Branches { get; set; } = [];
}
