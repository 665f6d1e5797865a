using Foremast.Workflows.Webhooks;
namespace Foremast.Api.Hooks;

/// <summary>Which provider a delivery claims to come from and what event it is; <see cref="HookAuthenticator"/> checks the claim.</summary>
public static class HookDelivery
{
    public const string GenericSignatureHeader = WebhookSignature.Header;

    public static GitProvider? Detect(ApiRequest request) =>
        request.Header("X-GitHub-Event") is not null ? GitProvider.GitHub
        : request.Header("X-Gitlab-Event") is not null ? GitProvider.GitLab
        : request.Header("X-Event-Key") is not null ? GitProvider.Bitbucket
        : request.Header(GenericSignatureHeader) is not null ? GitProvider.Generic
        : null;

    /// <summary>The event name, normalised to <c>push</c> for a push; anything else is ignored by the handler.</summary>
    public static string EventOf(GitProvider provider, ApiRequest request) => provider switch
    {
        GitProvider.GitHub => request.Header("X-GitHub-Event")!,
        GitProvider.GitLab => request.Header("X-Gitlab-Event") == "Push Hook" ? "push" : request.Header("X-Gitlab-Event")!,
        GitProvider.Bitbucket => request.Header("X-Event-Key") == "repo:push" ? "push" : request.Header("X-Event-Key")!,
        _ => request.Header("X-Foremast-Event") ?? "push",
    };
}
