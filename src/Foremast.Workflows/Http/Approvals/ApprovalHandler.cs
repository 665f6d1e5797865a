using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Http.Approvals;

/// <summary>
/// <c>GET /api/approvals/{token}</c> shows the gate and never changes anything; <c>POST</c> records a decision, but only
/// for a valid, unexpired token whose gate is open now (403 tampered, 410 expired link, 409 gate not open).
/// </summary>
public sealed class ApprovalHandler(ApprovalToken? tokens, ApprovalOptions options, ApprovalPages pages, TimeProvider time)
{
    private const int MaxByLength = 200;
    private const int MaxCommentLength = 2000;

    public async Task<ApiResponse> PageAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (claims, refusal) = Check(request, html: true);
        if (refusal is not null) return refusal;
        var gate = await GateLookup.FindAsync(client, claims!, time.GetUtcNow(), cancellationToken);
        return gate.State == GateState.Missing ? pages.Result(404, "Not found", ApprovalPages.Describe(gate.State)) : pages.Page(claims!, gate);
    }

    public async Task<ApiResponse> DecideAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var html = WantsHtml(request);
        var (claims, refusal) = Check(request, html);
        if (refusal is not null) return refusal;

        var fields = FormFields.Read(request);
        ApprovalDecision? decision = fields.GetValueOrDefault("decision")?.Trim().ToLowerInvariant() switch
        {
            "approve" => ApprovalDecision.Approve,
            "reject" => ApprovalDecision.Reject,
            _ => null,
        };
        if (decision is null) return Refuse(html, 400, "Bad request", "decision must be \"approve\" or \"reject\"");

        var now = time.GetUtcNow();
        var gate = await GateLookup.FindAsync(client, claims!, now, cancellationToken);
        if (gate.State != GateState.Open)
        {
            return Refuse(html, gate.State == GateState.Missing ? 404 : 409, "Not decided", ApprovalPages.Describe(gate.State));
        }

        var by = Clip(Who(request, fields), MaxByLength);
        var comment = fields.GetValueOrDefault("comment") is { } c && c.Trim().Length > 0 ? Clip(c.Trim(), MaxCommentLength) : null;
        await client.RaiseEventAsync(gate.Open!.InstanceId, gate.Open.EventName, new ApprovalEvent(decision.Value, by, comment, now.UtcDateTime), cancellationToken);

        var outcome = decision == ApprovalDecision.Approve ? "approved" : "rejected";
        if (html) return pages.Result(202, $"{claims!.Env} in {claims.Region} {outcome}", $"Recorded: {outcome} by {by}.");
        return ApiResponse.Json(202, new DecisionBody(outcome, claims!.RunId, claims.Region, claims.Env, gate.Open.Stage, by, comment));
    }

    /// <summary>The platform's identity header when present (it cannot be typed into the form), else the form field, else anonymous.</summary>
    private string Who(ApiRequest request, IReadOnlyDictionary<string, string> fields)
    {
        if (options.IdentityHeader.Length > 0 && request.Header(options.IdentityHeader) is { } signedIn && signedIn.Trim().Length > 0) return signedIn.Trim();
        return fields.GetValueOrDefault("by") is { } typed && typed.Trim().Length > 0 ? typed.Trim() : "anonymous";
    }

    private (ApprovalClaims? Claims, ApiResponse? Refusal) Check(ApiRequest request, bool html)
    {
        if (tokens is null) return (null, Refuse(html, 503, "Approvals unavailable", "approval links are disabled: no signing key is configured"));
        var check = tokens.Verify(request.Route("token") ?? "", time.GetUtcNow());
        return check.State switch
        {
            TokenState.Valid => (check.Claims, null),
            TokenState.Expired => (null, Refuse(html, 410, "Link expired", "This approval link has expired.")),
            _ => (null, Refuse(html, 403, "Invalid link", "This approval link is not valid.")),
        };
    }

    private ApiResponse Refuse(bool html, int status, string title, string message) =>
        html ? pages.Result(status, title, message) : ApiResponse.Error(status, message);

    private static bool WantsHtml(ApiRequest request) =>
        request.IsForm || (request.Header("Accept")?.Contains("text/html", StringComparison.OrdinalIgnoreCase) ?? false);

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}

public sealed record DecisionBody(string Outcome, string RunId, string Region, string Env, string Stage, string By, string? Comment);
