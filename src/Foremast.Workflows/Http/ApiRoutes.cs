namespace Foremast.Workflows.Http;

/// <summary>One route of the HTTP API. <see cref="Template"/> is relative to <c>/api/</c>, the Functions route prefix.</summary>
public sealed record ApiRoute(string Name, string Method, string Template);

/// <summary>
/// The routes both hosts mount (DESIGN.md "HTTP API"), in one table so a host cannot silently miss one.
/// <c>GET /api/health</c> and the dashboard belong to each host and are not listed.
/// </summary>
public static class ApiRoutes
{
    public static readonly ApiRoute GitHook = new("GitHook", "POST", "hooks/git");
    public static readonly ApiRoute StartRun = new("StartRun", "POST", "runs");
    public static readonly ApiRoute ListRuns = new("ListRuns", "GET", "runs");
    public static readonly ApiRoute GetRun = new("GetRun", "GET", "runs/{id}");
    public static readonly ApiRoute CancelRun = new("CancelRun", "POST", "runs/{id}/cancel");
    public static readonly ApiRoute ApprovalPage = new("ApprovalPage", "GET", "approvals/{token}");
    public static readonly ApiRoute ApprovalDecision = new("ApprovalDecision", "POST", "approvals/{token}");

    public static IReadOnlyList<ApiRoute> All { get; } = [GitHook, StartRun, ListRuns, GetRun, CancelRun, ApprovalPage, ApprovalDecision];
}
