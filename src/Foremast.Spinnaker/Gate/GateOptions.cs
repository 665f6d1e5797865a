namespace Foremast.Spinnaker.Gate;

/// <summary>How to reach and authenticate to Spinnaker Gate, and how patient to be with it.</summary>
/// <param name="BaseUrl">Gate's base URL; a path prefix (for example <c>https://host/gate</c>) is kept.</param>
/// <param name="BearerToken">Sent as <c>Authorization: Bearer …</c> when set (Foremast's github/IAP token auth).</param>
/// <param name="ClientCertificatePath">PEM file holding the client certificate and its private key (Foremast's <c>gate_client_cert</c>).</param>
/// <param name="CaBundlePath">PEM file of CA certificates that replace the system trust store for Gate (Foremast's <c>gate_ca_bundle</c>).</param>
/// <param name="InsecureSkipTlsVerify">
/// Accept any server certificate. Off by default: Foremast skipped verification whenever no CA bundle was set,
/// which silently exposed the Gate token to anyone on the path.
/// </param>
public sealed record GateOptions(
    Uri BaseUrl,
    string? BearerToken = null,
    string? ClientCertificatePath = null,
    string? CaBundlePath = null,
    bool InsecureSkipTlsVerify = false)
{
    /// <summary>Per attempt; an attempt that takes longer is abandoned and retried.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between task polls (Foremast polled every 2 s); early polls come sooner.</summary>
    public TimeSpan TaskPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Foremast's <c>[task_timeouts] default</c> (120 s).</summary>
    public TimeSpan TaskTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt, for 5xx, 408, 429, connection failures and timeouts.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff; it doubles each retry and is jittered so parallel runs do not retry in lockstep.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);
}
