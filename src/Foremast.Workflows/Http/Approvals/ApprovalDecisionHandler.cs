using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Http.Approvals;

/// <summary>
/// <c>POST /api/approvals/{token}</c>: records a decision, but only for a valid token whose gate is open now (409
/// otherwise), and raises the event the open checkpoint itself names on the instance that waits for it.
/// </summary>
public sealed class ApprovalDecisionHandler(ApprovalLinkCheck links, ApprovalOptions options, ApprovalPages pages)
{
    private const int MaxByLength = 200;
    private const int MaxCommentLength = 2000;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var html = WantsHtml(request);
        var (claims, refusal) = links.Check(request, html);
        if (refusal is not null) return refusal;

        var fields = FormFields.Read(request);
        ApprovalDecision? decision = fields.GetValueOrDefault("decision")?.Trim().ToLowerInvariant() switch
        {
            "approve" => ApprovalDecision.Approve,
            "reject" => ApprovalDecision.Reject,
            _ => null,
        };
        if (decision is null) return links.Refuse(html, 400, "Bad request", "decision must be \"approve\" or \"reject\"");

        var now = links.Now;
        var gate = await GateLookup.FindAsync(client, claims!, now, cancellationToken);
        if (gate.State != GateState.Open)
        {
            return links.Refuse(html, gate.State == GateState.Missing ? 404 : 409, "Not decided", ApprovalPages.Describe(gate.State));
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

    private static bool WantsHtml(ApiRequest request) =>
        request.IsForm || (request.Header("Accept")?.Contains("text/html", StringComparison.OrdinalIgnoreCase) ?? false);

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}

public sealed record DecisionBody(string Outcome, string RunId, string Region, string Env, string Stage, string By, string? Comment);
