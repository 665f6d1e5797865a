using System.Globalization;
using Foremast.Core.Templates;

namespace Foremast.Api.Approvals;

/// <summary>Renders the approval page and result pages from <c>templates/approval/</c>; the templates own the HTML.</summary>
public sealed class ApprovalPages(TemplateStore templates)
{
    /// <param name="now">For the time left while the gate is open.</param>
    public ApiResponse Page(ApprovalClaims claims, CheckpointView gate, DateTimeOffset now) =>
        ApiResponse.Html(200, templates.Render("approval/page.html.sbn", new
        {
            title = $"Approve {claims.Env} in {claims.Region}?",
            app = gate.App ?? "(unknown)",
            run_id = claims.RunId,
            region = claims.Region,
            env = claims.Env,
            from_env = gate.Details?.FromEnv,
            stage = gate.Open?.Stage ?? gate.Stage,
            version = gate.Details?.Version,
            commit = gate.Details?.Commit is { Length: > 12 } c ? c[..12] : gate.Details?.Commit,
            author = gate.Details?.Author,
            expires_at = claims.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            time_left = gate.State == CheckpointState.Open ? TimeLeft(claims.ExpiresAt - now) : null,
            open = gate.State == CheckpointState.Open,
            message = gate.Recorded is { } decided ? $"Decided: {Describe(decided)}." : Describe(gate.State),
            decisions = (gate.Details?.Decisions ?? []).Select(Describe).ToList(),
        }));

    /// <summary>Who decided what and when, as the checkpoint recorded it.</summary>
    public static string Describe(Foremast.Workflows.Status.CheckpointDecision d) =>
        (d.Verdict.ToString().ToLowerInvariant() + (d.By is { Length: > 0 } by ? $" by {by}{(d.Verified ? "" : " (unverified)")}" : "")
         + d.At.ToString(" 'at' yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
         + (d.Source is { Length: > 0 } source ? $" from {source}" : "")
         + (d.Comment is { Length: > 0 } comment ? $": {comment}" : ""));

    private static string TimeLeft(TimeSpan left) =>
        left <= TimeSpan.Zero ? "none" : left.TotalHours >= 1 ? $"{(int)left.TotalHours} h {left.Minutes} min" : $"{Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} min";

    public ApiResponse Result(int status, string title, string message) =>
        ApiResponse.Html(status, templates.Render("approval/result.html.sbn", new { title, message }));

    public static string Describe(CheckpointState state) => state switch
    {
        CheckpointState.Open => "This checkpoint is waiting for a decision.",
        CheckpointState.Expired => "This checkpoint has expired; it can no longer be decided.",
        CheckpointState.Closed => "This checkpoint is no longer waiting: it was decided, cancelled, or the run has moved on.",
        _ => "No such run or region.",
    };
}
