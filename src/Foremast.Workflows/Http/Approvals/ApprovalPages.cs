using System.Globalization;
using Foremast.Core.Templates;

namespace Foremast.Workflows.Http.Approvals;

/// <summary>Renders the approval page and result pages from <c>templates/approval/</c>; the templates own the HTML.</summary>
public sealed class ApprovalPages(TemplateStore templates)
{
    public ApiResponse Page(ApprovalClaims claims, GateView gate) =>
        ApiResponse.Html(200, templates.Render("approval/page.html.sbn", new
        {
            title = $"Approve {claims.Env} in {claims.Region}?",
            app = gate.App ?? "(unknown)",
            run_id = claims.RunId,
            region = claims.Region,
            env = claims.Env,
            stage = gate.Open?.Stage,
            expires_at = claims.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            open = gate.State == GateState.Open,
            message = Describe(gate.State),
        }));

    public ApiResponse Result(int status, string title, string message) =>
        ApiResponse.Html(status, templates.Render("approval/result.html.sbn", new { title, message }));

    public static string Describe(GateState state) => state switch
    {
        GateState.Open => "This checkpoint is waiting for a decision.",
        GateState.Expired => "This checkpoint has expired; it can no longer be decided.",
        GateState.Closed => "This checkpoint is no longer waiting: it was decided, cancelled, or the run has moved on.",
        _ => "No such run or region.",
    };
}
