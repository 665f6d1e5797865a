using Foremast.Workflows.Webhooks;
namespace Foremast.Api.Hooks;

/// <summary>
/// Decides whether a delivery may act. Closed by default: a delivery counts only when it is signed with a secret of
/// the provider it claims to be, and it may start a repository's runs only when that repository is mapped to that
/// provider and the signature is made with the repository's own secret (or its provider's). Without any secret
/// nothing is accepted, except through the explicit <see cref="WebhookOptions.AllowUnsigned"/> switch.
/// </summary>
public sealed class HookAuthenticator(WebhookOptions options)
{
    /// <summary>
    /// The first gate, before the body is read: does the delivery prove it knows some secret of the provider it
    /// claims to be? The repository it names is only known after parsing, and <see cref="MayStart"/> checks that one.
    /// </summary>
    public bool IsFromProvider(GitProvider provider, ApiRequest request)
    {
        var repos = options.Repos.Where(r => r.ProviderKind == provider).ToList();
        var secrets = repos.Select(options.SecretOf).Append(options.ProviderSecret(provider)).OfType<string>().Distinct(StringComparer.Ordinal);
        if (secrets.Any(secret => Verifies(provider, request, secret))) return true;
        return options.AllowUnsigned && repos.Any(r => options.SecretOf(r) is null);
    }

    /// <summary>May this delivery start runs of <paramref name="repo"/>, which a push of <paramref name="provider"/> matched?</summary>
    public bool MayStart(RepoMapping repo, GitProvider provider, ApiRequest request)
    {
        if (repo.ProviderKind != provider) return false;
        return options.SecretOf(repo) is { } secret ? Verifies(provider, request, secret) : options.AllowUnsigned;
    }

    /// <summary>Each provider's own proof, in constant time over the raw body bytes.</summary>
    private static bool Verifies(GitProvider provider, ApiRequest request, string secret) => provider switch
    {
        GitProvider.GitHub => WebhookSignature.VerifySha256(request.Body, secret, request.Header("X-Hub-Signature-256")),
        GitProvider.GitLab => WebhookSignature.VerifyToken(secret, request.Header("X-Gitlab-Token")),
        GitProvider.Bitbucket => WebhookSignature.VerifySha256(request.Body, secret, request.Header("X-Hub-Signature")),
        _ => WebhookSignature.VerifySha256(request.Body, secret, request.Header(HookDelivery.GenericSignatureHeader)),
    };
}
