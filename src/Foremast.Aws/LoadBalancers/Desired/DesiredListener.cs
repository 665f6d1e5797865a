namespace Foremast.Aws.LoadBalancers.Desired;

/// <summary>A listener as the config asks for it (Foremast's <c>format_listeners</c> output).</summary>
/// <param name="CertificateId">The resolved certificate ARN, or null.</param>
/// <param name="ListenerPolicies">The config's <c>policies</c> + <c>listener_policies</c> (the stickiness policy is added on top).</param>
public sealed record DesiredListener(
    ListenerEnd LoadBalancer,
    ListenerEnd Instance,
    string? CertificateId,
    IReadOnlyList<string> ListenerPolicies,
    IReadOnlyList<string> BackendPolicies,
    DesiredStickiness? Stickiness)
{
    /// <summary>Every policy the listener should carry, in Foremast's order: the configured ones, then the stickiness policy.</summary>
    public IReadOnlyList<string> AllListenerPolicies => Stickiness is null ? ListenerPolicies : [.. ListenerPolicies, Stickiness.PolicyName];

    public override string ToString() => $"{LoadBalancer} → {Instance}" + (CertificateId is null ? "" : $" ({CertificateId})");
}
