namespace Foremast.Api.Hooks;

/// <summary>The provider names a repo map may use (<c>Foremast:Webhooks:Repos:N:Provider</c>).</summary>
public static class GitProviders
{
    public const string Names = "github, gitlab, bitbucket or generic";

    public static GitProvider? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "github" => GitProvider.GitHub,
        "gitlab" => GitProvider.GitLab,
        "bitbucket" => GitProvider.Bitbucket,
        "generic" => GitProvider.Generic,
        _ => null,
    };
}
