using Foremast.Api.Approvals;

namespace Foremast.Api.Runs;

/// <summary>How a start outcome becomes a response; shared by <c>POST /api/runs</c> and the git hook.</summary>
public static class StartResponses
{
    public static ApiResponse From(StartResult result, LinkBuilder links, int invalidStatus = 422)
    {
        if (result.Outcome == StartOutcome.Invalid)
        {
            return ApiResponse.Json(invalidStatus, new StartedBody("invalid", null, result.App, null, result.Diagnostics.Select(d => d.ToString()).ToList()));
        }

        var statusUrl = links.RunUrl(result.RunId!);
        var started = result.Outcome == StartOutcome.Started;
        var body = new StartedBody(started ? "started" : "existing", result.RunId, result.App, statusUrl);
        return ApiResponse.Json(started ? 202 : 200, body, new Dictionary<string, string> { ["Location"] = statusUrl });
    }
}

/// <param name="Outcome"><c>started</c>, <c>existing</c> (the same request was seen before) or <c>invalid</c>.</param>
/// <param name="RerunOf">For <c>POST /api/runs/{id}/rerun</c>: the finished run this attempt repeats.</param>
/// <param name="By">For <c>POST /api/runs/{id}/rerun</c>: who the attempt records as having asked for it.</param>
public sealed record StartedBody(string Outcome, string? RunId, string? App, string? StatusUrl, IReadOnlyList<string>? Diagnostics = null, string? RerunOf = null, string? By = null);
