using Foremast.Api;
using Foremast.Api.Hooks;

namespace Foremast.Workflows.Tests.Http;

/// <summary>
/// One repository mapped per provider, each with its own secret, and a different provider-wide secret per provider,
/// so every key in play is distinct and a test can tell which one a delivery was signed with.
/// </summary>
public sealed class ProviderHookHost : HookApiHost
{
    public static readonly GitProvider[] Providers = [GitProvider.GitHub, GitProvider.GitLab, GitProvider.Bitbucket, GitProvider.Generic];

    public ProviderHookHost()
    {
        Options.Webhooks.GitHubSecret = ProviderSecret(GitProvider.GitHub);
        Options.Webhooks.GitLabToken = ProviderSecret(GitProvider.GitLab);
        Options.Webhooks.BitbucketSecret = ProviderSecret(GitProvider.Bitbucket);
        Options.Webhooks.GenericSecret = ProviderSecret(GitProvider.Generic);
        foreach (var provider in Providers)
        {
            Options.Webhooks.Repos.Add(new RepoMapping
            {
                Provider = provider.ToString().ToLowerInvariant(),
                FullName = FullName(provider),
                RepoUrl = $"https://git.example.com/{FullName(provider)}.git",
                Secret = RepoSecret(provider),
                Project = "acme",
                Repo = RepoName(provider),
                DryRun = true,
            });
        }

        // Same provider as the GitHub target, no secret of its own: the provider-wide secret signs it.
        Options.Webhooks.Repos.Add(new RepoMapping { Provider = "github", FullName = "acme/shared-secret", Project = "acme", Repo = "sharedsecret", DryRun = true });
    }

    public static string FullName(GitProvider provider) => $"acme/target-{provider.ToString().ToLowerInvariant()}";

    public static string RepoName(GitProvider provider) => "target" + provider.ToString().ToLowerInvariant();

    public static string RepoSecret(GitProvider provider) => $"repo-secret-of-{provider}";

    public static string ProviderSecret(GitProvider provider) => $"provider-wide-secret-of-{provider}";
}
