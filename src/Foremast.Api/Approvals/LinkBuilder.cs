using Foremast.Workflows.Notifications;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Api.Approvals;

/// <summary>
/// Builds the engine's public URLs from the configured base URL (relative URLs when none is set). Approval links carry
/// only a signed token: never a host key, never <c>code=</c>, never a webhook secret.
/// </summary>
public sealed class LinkBuilder(ForemastApiOptions options, ApprovalToken? tokens) : IApprovalLinks
{
    private string Base => (options.PublicBaseUrl ?? "").TrimEnd('/');

    public bool CanSign => tokens is not null;

    public string RunUrl(string runId) => $"{Base}/api/runs/{Uri.EscapeDataString(runId)}";

    public string ApprovalUrl(ApprovalClaims claims) =>
        $"{Base}/api/approvals/{(tokens ?? throw new InvalidOperationException("no approval signing key is configured (Foremast:Approvals:SigningKey)")).Create(claims)}";

    public string ApprovalUrl(RunNotification notification) =>
        ApprovalUrl(new ApprovalClaims(
            notification.RunId,
            notification.Region,
            notification.Env ?? throw new ArgumentException("a checkpoint notification names its env", nameof(notification)),
            new DateTimeOffset(DateTime.SpecifyKind(notification.ExpiresAt ?? throw new ArgumentException("a checkpoint notification has an expiry", nameof(notification)), DateTimeKind.Utc))));
}
