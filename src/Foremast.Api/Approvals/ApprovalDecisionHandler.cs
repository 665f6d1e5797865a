using System.Globalization;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Approvals;

/// <summary>
/// <c>POST /api/approvals/{token}</c>: records a decision, but only for a valid token whose gate is open now (409
/// otherwise), and raises the event the open checkpoint itself names on the instance that waits for it. Several
/// requests can find the gate open at once; each waits for the checkpoint to record the decision it took, and only
/// the one whose decision id was taken is told 202. The others get 409 naming the decision that counts.
/// </summary>
public sealed class ApprovalDecisionHandler(ApprovalLinkCheck links, ApprovalOptions options, ApprovalPages pages)
{
    private const int MaxByLength = 200;
    private const int MaxCommentLength = 2000;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var html = WantsHtml(request);
        var (granted, refusal) = links.Check(request, html);
        if (refusal is not null) return refusal;
        var claims = granted!;

        var fields = FormFields.Read(request);
        ApprovalDecision? decision = fields.GetValueOrDefault("decision")?.Trim().ToLowerInvariant() switch
        {
            "approve" => ApprovalDecision.Approve,
            "reject" => ApprovalDecision.Reject,
            _ => null,
        };
        if (decision is null) return links.Refuse(html, 400, "Bad request", "decision must be \"approve\" or \"reject\"");

        var now = links.Now;
        var gate = await CheckpointLookup.FindAsync(client, claims, now, cancellationToken);
        if (gate.State == CheckpointState.Closed && gate.Recorded is { } already) return Conflict(html, claims, gate.Stage ?? "", already);
        if (gate.State != CheckpointState.Open)
        {
            return links.Refuse(html, gate.State == CheckpointState.Missing ? 404 : 409, "Not decided", ApprovalPages.Describe(gate.State));
        }

        var (who, verified) = CallerName.Of(request, fields, options);
        if (options.RequireIdentity && !verified)
        {
            return links.Refuse(html, 403, "Sign-in required",
                "Not recorded: this engine records decisions only from a signed-in approver (Foremast:Approvals:RequireIdentity); sign in and open the link again.");
        }

        if ((gate.Policy ?? ApproverPolicy.Open).Refusal(who, decision.Value) is { } notAllowed)
        {
            return links.Refuse(html, 403, "Not allowed", $"Not recorded: {notAllowed}.");
        }

        var by = Clip(who, MaxByLength);
        var comment = fields.GetValueOrDefault("comment") is { } c && c.Trim().Length > 0 ? Clip(c.Trim(), MaxCommentLength) : null;
        var decisionId = Guid.NewGuid().ToString("N");
        var open = gate.Open!;
        var source = DecisionSource.Of(request, options.TrustedProxies);
        await client.RaiseEventAsync(open.InstanceId, open.EventName,
            new ApprovalEvent(decision.Value, by, comment, now.UtcDateTime, decisionId, verified, source.Address, source.ForwardedFor), cancellationToken);
        var confirmation = await DecisionConfirmation.WaitAsync(client, open, decisionId, options.DecisionWait, cancellationToken);

        switch (confirmation.State)
        {
            case ConfirmationState.Taken:
                var outcome = decision == ApprovalDecision.Approve ? "approved" : "rejected";
                if (html) return pages.Result(202, $"{claims.Env} in {claims.Region} {outcome}", $"Recorded: {outcome} by {by}.");
                return ApiResponse.Json(202, new DecisionBody(outcome, claims.RunId, claims.Region, claims.Env, open.Stage, by, comment, verified, source.Address));
            case ConfirmationState.Superseded:
                return Conflict(html, claims, open.Stage, confirmation.Recorded!);
            case ConfirmationState.Ended:
                return links.Refuse(html, 409, "Not decided", $"Not recorded: the run ended (cancelled) before the checkpoint took a decision; check run {claims.RunId}.");
            default:
                return links.Refuse(html, 504, "Not confirmed",
                    $"The decision was sent, but the checkpoint had not recorded one after {options.DecisionWait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s; check run {claims.RunId} before deciding again.");
        }
    }

    /// <summary>409 naming what the checkpoint recorded for this opening of the gate.</summary>
    private ApiResponse Conflict(bool html, ApprovalClaims claims, string stage, CheckpointDecision taken)
    {
        var message = $"Not recorded: {Describe(taken)}.";
        if (html) return pages.Result(409, $"{claims.Env} in {claims.Region} already decided", message);
        return ApiResponse.Json(409, new DecisionConflictBody(message, claims.RunId, claims.Region, claims.Env, stage, taken));
    }

    /// <summary>Who decided what and when, as the checkpoint recorded it.</summary>
    private static string Describe(CheckpointDecision taken) => taken.Verdict switch
    {
        CheckpointVerdict.Expired => Invariant($"the checkpoint expired at {taken.At:yyyy-MM-dd HH:mm:ss} UTC"),
        CheckpointVerdict.Cancelled => Invariant($"the checkpoint was cancelled at {taken.At:yyyy-MM-dd HH:mm:ss} UTC ({taken.Comment})"),
        _ => Invariant($"{taken.Verdict.ToString().ToLowerInvariant()} by {taken.By} at {taken.At:yyyy-MM-dd HH:mm:ss} UTC") + (taken.Comment is { Length: > 0 } c ? $" ({c})" : ""),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static bool WantsHtml(ApiRequest request) =>
        request.IsForm || (request.Header("Accept")?.Contains("text/html", StringComparison.OrdinalIgnoreCase) ?? false);

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <param name="Verified">True when <see cref="By"/> came from the platform's identity header.</param>
/// <param name="Source">The address the decision was recorded as coming from.</param>
public sealed record DecisionBody(string Outcome, string RunId, string Region, string Env, string Stage, string By, string? Comment, bool Verified = false, string? Source = null);

/// <summary>The 409 for a decision that was not the one taken: <see cref="Taken"/> is what the checkpoint recorded.</summary>
public sealed record DecisionConflictBody(string Error, string RunId, string Region, string Env, string Stage, CheckpointDecision Taken);
