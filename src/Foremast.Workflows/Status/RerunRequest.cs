namespace Foremast.Workflows.Status;

/// <summary>
/// Who asked for an attempt (<c>{runId}-r{N}</c>) and from where, as the API recorded the request. The attempt's input
/// carries it and the run puts it on its status, so it stays with the attempt for good.
/// </summary>
/// <param name="Of">The run the rerun was asked for: the original, or an earlier attempt of it.</param>
/// <param name="By">The platform's identity header when it names someone, else the request's <c>by</c> (<c>foremast run --rerun</c> sends the local user name), else <c>anonymous</c>.</param>
/// <param name="Verified">True when <see cref="By"/> came from the platform's sign-in, false for a typed name.</param>
/// <param name="Source">The address the request came from, as the API trusted it (see <c>Foremast:Approvals:TrustedProxies</c>).</param>
/// <param name="ForwardedFor">Addresses the request claimed (<c>X-Forwarded-For</c>) that no trusted proxy vouches for.</param>
public sealed record RerunRequest(string Of, string By, DateTime At, bool Verified = false, string? Source = null, string? ForwardedFor = null);
