using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Http.Approvals;

/// <summary>
/// Builds the engine's public URLs from the configured base URL (relative URLs when none is set). Approval links carry
/// only a signed token: never a host key, never <c>code=</c>, never a webhook secret.
/// </summary>
public sealed class LinkBuilder(ForemastApiOptions options, ApprovalToken? tokens)
{
    private string Base => (options.PublicBaseUrl ?? "").TrimEnd('/');

    /// <summary>False when no signing key is configured: approval links cannot be made.</summary>
    public bool CanSign => tokens is not null;

    public string RunUrl(string runId) => $"{Base}/api/runs/{Uri.EscapeDataString(runId)}";

    public string ApprovalUrl(ApprovalClaims claims) =>
        $"{Base}/api/approvals/{(tokens ?? throw new InvalidOperationException("no approval signing key is configured (Foremast:Approvals:SigningKey)")).Create(claims)}";

    /// <summary>The link for a <c>checkpoint.waiting</c> notification; it expires with the gate.</summary>
    public string ApprovalUrl(RunNotification notification) =>
        ApprovalUrl(new ApprovalClaims(
            notification.RunId,
            notification.Region,
            notification.Env ?? throw new ArgumentException("a checkpoint notification names its env", nameof(notification)),
            new DateTimeOffset(DateTime.SpecifyKind(notification.ExpiresAt ?? throw new ArgumentException("a checkpoint notification has an expiry", nameof(notification)), DateTimeKind.Utc))));
}
