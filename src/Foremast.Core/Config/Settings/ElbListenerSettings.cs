namespace Foremast.Core.Config.Settings;

/// <summary>One <c>elb.ports</c> entry (or the legacy single listener).</summary>
/// <param name="Loadbalancer">The load balancer end, <c>PROTO:PORT</c>.</param>
/// <param name="Instance">The instance end, <c>PROTO:PORT</c>.</param>
/// <param name="Certificate">An ARN, or a server-certificate name Foremast turned into an IAM ARN.</param>
public sealed record ElbListenerSettings(
    string Loadbalancer,
    string Instance,
    string? Certificate = null,
    IReadOnlyList<string>? Policies = null,
    IReadOnlyList<string>? ListenerPolicies = null,
    IReadOnlyList<string>? BackendPolicies = null,
    ElbStickinessSettings? Stickiness = null)
{
    /// <summary>Foremast sends <c>policies</c> followed by <c>listener_policies</c> as the listener's policies.</summary>
    public IReadOnlyList<string> AllListenerPolicies => [.. Policies ?? [], .. ListenerPolicies ?? []];
}
