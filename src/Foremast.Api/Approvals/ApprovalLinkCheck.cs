namespace Foremast.Api.Approvals;

/// <summary>
/// The first step of both approval routes: is the link's token ours and still valid? Refusals are HTML for people
/// (browser, form) and JSON for scripts. 503 without a signing key, 403 forged or altered, 410 expired.
/// </summary>
public sealed class ApprovalLinkCheck(ApprovalToken? tokens, ApprovalPages pages, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public (ApprovalClaims? Claims, ApiResponse? Refusal) Check(ApiRequest request, bool html)
    {
        if (tokens is null) return (null, Refuse(html, 503, "Approvals unavailable", "approval links are disabled: no signing key is configured"));
        var check = tokens.Verify(request.Route("token") ?? "", Now);
        return check.State switch
        {
            TokenState.Valid => (check.Claims, null),
            TokenState.Expired => (null, Refuse(html, 410, "Link expired", "This approval link has expired.")),
            _ => (null, Refuse(html, 403, "Invalid link", "This approval link is not valid.")),
        };
    }

    public ApiResponse Refuse(bool html, int status, string title, string message) =>
        html ? pages.Result(status, title, message) : ApiResponse.Error(status, message);
}
