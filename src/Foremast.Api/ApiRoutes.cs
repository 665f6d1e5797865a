namespace Foremast.Api;

/// <summary>One route of the HTTP API. <see cref="Template"/> is relative to <c>/api/</c>, the Functions route prefix.</summary>
public sealed record ApiRoute(string Name, string Method, string Template);

/// <summary>
/// The routes both hosts mount (DESIGN.md "HTTP API"), in one table so a host cannot silently miss one. Names and
/// templates are constants because the Functions app needs them in attributes.
/// <see cref="Health"/> is shared too but not listed: it answers beside the storage guard that runs every listed route
/// (<see cref="Health.HealthCheck"/>). The dashboard belongs to each host.
/// </summary>
public static class ApiRoutes
{
    /// <summary>
    /// Where the API lives below the site root. The Functions app's own route prefix is empty (host.json) so that the
    /// dashboard can answer at <c>/</c>; its functions therefore spell this prefix in their routes.
    /// </summary>
    public const string Prefix = "api/";

    public const string Runs = "runs";
    public const string Run = "runs/{id}";
    public const string RunCancel = "runs/{id}/cancel";
    public const string RunRerun = "runs/{id}/rerun";
    public const string Hooks = "hooks/git";
    public const string Approval = "approvals/{token}";
    public const string HealthPath = "health";

    public static readonly ApiRoute GitHook = new(nameof(GitHook), "POST", Hooks);
    public static readonly ApiRoute StartRun = new(nameof(StartRun), "POST", Runs);
    public static readonly ApiRoute ListRuns = new(nameof(ListRuns), "GET", Runs);
    public static readonly ApiRoute GetRun = new(nameof(GetRun), "GET", Run);
    public static readonly ApiRoute CancelRun = new(nameof(CancelRun), "POST", RunCancel);
    public static readonly ApiRoute RerunRun = new(nameof(RerunRun), "POST", RunRerun);
    public static readonly ApiRoute ApprovalPage = new(nameof(ApprovalPage), "GET", Approval);
    public static readonly ApiRoute ApprovalDecision = new(nameof(ApprovalDecision), "POST", Approval);

    /// <summary><c>GET /api/health</c>: anonymous on both hosts (a probe has no key), answered by <see cref="Health.HealthCheck"/>.</summary>
    public static readonly ApiRoute Health = new(nameof(Health), "GET", HealthPath);

    public static IReadOnlyList<ApiRoute> All { get; } = [GitHook, StartRun, ListRuns, GetRun, CancelRun, RerunRun, ApprovalPage, ApprovalDecision];
}
