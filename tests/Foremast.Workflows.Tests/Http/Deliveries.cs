using Foremast.Workflows.Webhooks;
using System.Text.Json;
using Foremast.Api;
using Foremast.Api.Hooks;

namespace Foremast.Workflows.Tests.Http;

/// <summary>
/// Push deliveries in each provider's own shape and headers, for any repository: what an attacker can send as easily
/// as a provider. The body follows the provider's push payload closely enough for the engine's parser to read it.
/// </summary>
public static class Deliveries
{
    public static byte[] Push(GitProvider provider, string fullName, string commit, string branch = "main") => provider switch
    {
        GitProvider.GitHub => JsonSerializer.SerializeToUtf8Bytes(new
        {
            @ref = $"refs/heads/{branch}",
            after = commit,
            repository = new { full_name = fullName, clone_url = $"https://github.com/{fullName}.git" },
        }),
        GitProvider.GitLab => JsonSerializer.SerializeToUtf8Bytes(new
        {
            object_kind = "push",
            @ref = $"refs/heads/{branch}",
            checkout_sha = commit,
            project = new { path_with_namespace = fullName, git_http_url = $"https://gitlab.com/{fullName}.git" },
        }),
        GitProvider.Bitbucket => JsonSerializer.SerializeToUtf8Bytes(new
        {
            repository = new { full_name = fullName },
            push = new { changes = new[] { new { @new = new { name = branch, type = "branch", target = new { hash = commit } } } } },
        }),
        _ => JsonSerializer.SerializeToUtf8Bytes(new { repository = fullName, @ref = $"refs/heads/{branch}", commit }),
    };

    /// <summary>The request a provider would send, signed (or for GitLab, tokened) with <paramref name="secret"/>; null sends no proof.</summary>
    public static ApiRequest Request(GitProvider provider, byte[] body, string? secret)
    {
        var headers = provider switch
        {
            GitProvider.GitHub => new Dictionary<string, string> { ["X-GitHub-Event"] = "push" },
            GitProvider.GitLab => new Dictionary<string, string> { ["X-Gitlab-Event"] = "Push Hook" },
            GitProvider.Bitbucket => new Dictionary<string, string> { ["X-Event-Key"] = "repo:push" },
            _ => new Dictionary<string, string> { ["X-Foremast-Event"] = "push" },
        };
        var proof = secret is null ? null : provider == GitProvider.GitLab ? secret : WebhookSignature.Sign(body, secret);
        var header = provider switch
        {
            GitProvider.GitHub => "X-Hub-Signature-256",
            GitProvider.GitLab => "X-Gitlab-Token",
            GitProvider.Bitbucket => "X-Hub-Signature",
            _ => HookDelivery.GenericSignatureHeader,
        };
        // The generic hook is recognised by its signature header, so an unsigned generic delivery still carries an empty one.
        if (proof is not null || provider == GitProvider.Generic) headers[header] = proof ?? "";
        return Requests.Raw("POST", body, "application/json", headers: headers);
    }
}
