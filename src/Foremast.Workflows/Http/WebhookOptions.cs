namespace Foremast.Workflows.Http;

/// <summary>Git push hooks: one secret per provider, the branches that deploy, and which repositories are which app.</summary>
public sealed class WebhookOptions
{
    /// <summary>The GitHub webhook secret (checks <c>X-Hub-Signature-256</c>). Unset: GitHub deliveries are accepted unsigned.</summary>
    public string? GitHubSecret { get; set; }

    /// <summary>The GitLab secret token (compared with <c>X-Gitlab-Token</c>). Unset: GitLab deliveries are accepted without one.</summary>
    public string? GitLabToken { get; set; }

    /// <summary>The Bitbucket Cloud webhook secret (checks <c>X-Hub-Signature</c>). Unset: Bitbucket deliveries are accepted unsigned.</summary>
    public string? BitbucketSecret { get; set; }

    /// <summary>Key for the generic hook (<c>X-Foremast-Signature: sha256=…</c>). Unset: generic deliveries are refused.</summary>
    public string? GenericSecret { get; set; }

    /// <summary>Branches whose pushes start a run; empty means <c>main</c> and <c>master</c>.</summary>
    public List<string> Branches { get; set; } = [];

    public List<RepoMapping> Repos { get; set; } = [];

    public IReadOnlyList<string> EffectiveBranches => Branches.Count > 0 ? Branches : ["main", "master"];
}

/// <summary>Which repository deploys which app. A push matches on <see cref="RepoUrl"/> or <see cref="FullName"/>.</summary>
public sealed class RepoMapping
{
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
