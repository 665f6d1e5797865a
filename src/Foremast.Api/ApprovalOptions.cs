namespace Foremast.Api;

public sealed class ApprovalOptions
{
    /// <summary>HMAC key that signs approval links (at least 32 characters). Without it approval links are refused.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Keys that still verify links but no longer sign new ones, so a key can be rotated while gates are open.</summary>
    public List<string> PreviousSigningKeys { get; set; } = [];

    /// <summary>
    /// A header that names the signed-in approver and that the platform sets itself (App Service Authentication sets this one).
    /// It wins over the form field <c>by</c>, which anyone can type.
    /// </summary>
    public string IdentityHeader { get; set; } = "X-MS-CLIENT-PRINCIPAL-NAME";

    /// <summary>
    /// On: a decision without the platform's identity header is refused (403) and changes nothing. Off (the local engine,
    /// <c>foremast run --approve</c>): a typed name is accepted and recorded as unverified. The Azure deployment turns it on.
    /// </summary>
    public bool RequireIdentity { get; set; }

    /// <summary>
    /// How many proxies this engine runs behind that append the address they saw to <c>X-Forwarded-For</c> (App Service's
    /// front end is one; the Azure deployment sets 1). 0 (the default, and the local engine): the connection's peer
    /// address is a decision's source and the header is recorded only as an unverified claim, since any client can send it.
    /// </summary>
    public int TrustedProxies { get; set; }

    /// <summary>
    /// Adds each open gate's approval link to <c>GET /api/runs/{id}</c>. Off by default: links are capabilities and go to
    /// approvers through notifications. The local engine turns it on, because its API is loopback-only and unauthenticated
    /// (whoever can read the status there can already cancel the run) and <c>foremast run</c> has no other channel.
    /// </summary>
    public bool LinksInRunStatus { get; set; }

    /// <summary>
    /// How long a decision request waits for the checkpoint to record which decision it took. The answer (202 for the
    /// decision taken, 409 naming it for every other) comes only from that record; past this wait the request gets 504
    /// and is told to check the run. Longer than the task hub's queue polling interval.
    /// </summary>
    public TimeSpan DecisionWait { get; set; } = TimeSpan.FromSeconds(20);
}
