namespace Foremast.Workflows.Http.Hooks;

/// <summary>Which provider sent a delivery, what event it is, and whether it proves it knows the secret.</summary>
public static class HookDelivery
{
    public const string GenericSignatureHeader = "X-Foremast-Signature";

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

    /// <summary>
    /// True when the delivery is authentic. A provider without a configured secret is accepted as is, except the generic
    /// hook, whose signature is its only identification.
    /// </summary>
    public static bool IsAuthentic(GitProvider provider, ApiRequest request, WebhookOptions options) => provider switch
    {
        GitProvider.GitHub => options.GitHubSecret is not { Length: > 0 } s || WebhookSignature.VerifySha256(request.Body, s, request.Header("X-Hub-Signature-256")),
        GitProvider.GitLab => options.GitLabToken is not { Length: > 0 } t || WebhookSignature.VerifyToken(t, request.Header("X-Gitlab-Token")),
        GitProvider.Bitbucket => options.BitbucketSecret is not { Length: > 0 } b || WebhookSignature.VerifySha256(request.Body, b, request.Header("X-Hub-Signature")),
        _ => options.GenericSecret is { Length: > 0 } g && WebhookSignature.VerifySha256(request.Body, g, request.Header(GenericSignatureHeader)),
    };
}
