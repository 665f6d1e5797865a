using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Notifications;

/// <summary>
/// The engine's public links, as the notifier needs them. Implemented by the HTTP API (Foremast.Api), which owns the
/// routes and the signing key; a host without the API registers none and its messages carry no approval links.
/// </summary>
public interface IApprovalLinks
{
    /// <summary>False when no signing key is configured: approval links cannot be made.</summary>
    bool CanSign { get; }

    string RunUrl(string runId);

    /// <summary>The link for a <c>checkpoint.waiting</c> notification; it expires with the checkpoint.</summary>
    string ApprovalUrl(RunNotification notification);
}
