namespace Foremast.Api.Approvals;

/// <summary>What an approval link grants: deciding the checkpoint of one env in one region of one run, until it expires.</summary>
/// <param name="ExpiresAt">The gate's own expiry, to the millisecond; it also tells this opening of the gate from any later one.</param>
public sealed record ApprovalClaims(string RunId, string Region, string Env, DateTimeOffset ExpiresAt);

public enum TokenState
{
    Valid,

    /// <summary>Malformed, or the signature does not match any key: tampered or forged.</summary>
    Invalid,

    Expired,
}

public sealed record TokenCheck(TokenState State, ApprovalClaims? Claims);
