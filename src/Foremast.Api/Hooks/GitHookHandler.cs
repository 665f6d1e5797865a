using System.Text.Json;
using Foremast.Api.Approvals;
using Foremast.Api.Runs;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Hooks;

/// <summary>
/// <c>POST /api/hooks/git</c>: verifies the delivery, then starts (or finds) a run per qualifying branch push.
/// Everything that is not a deployable push is answered 200 with a reason, because providers treat 4xx as a broken
/// hook (GitLab disables it); only an unauthentic delivery (401) or an unreadable one (400) is refused. Every push of
/// a delivery is authenticated against its repository before any run starts, so a refusal leaves nothing half-done.
/// A redelivery derives the same run id, so it finds the existing run: no delivery-id store is needed.
/// </summary>
public sealed class GitHookHandler(RunStarter starter, LinkBuilder links, ForemastApiOptions options)
{
    private const string Unauthentic = "signature or token missing or wrong (the delivery must be signed with the secret of the repository's provider)";

    private readonly HookAuthenticator _auth = new(options.Webhooks);

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (HookDelivery.Detect(request) is not { } provider) return ApiResponse.Error(400, "not a recognised git hook delivery (no X-GitHub-Event, X-Gitlab-Event, X-Event-Key or X-Foremast-Signature)");
        if (!_auth.IsFromProvider(provider, request)) return ApiResponse.Error(401, Unauthentic);

        var kind = HookDelivery.EventOf(provider, request);
        if (kind == "ping") return Ignored("ping: the hook is configured");
        if (kind != "push") return Ignored($"event \"{kind}\" is not a push");

        IReadOnlyList<PushEvent> pushes;
        try
        {
            pushes = PushPayloads.Parse(provider, request);
        }
        catch (JsonException e)
        {
            return ApiResponse.Error(400, $"unreadable {provider} push payload: {e.Message}");
        }

        var matched = pushes.Select(push => (Push: push, Repo: RepoMatcher.Find(options.Webhooks.Repos, push))).ToList();
        if (matched.Any(m => m.Repo is not null && !_auth.MayStart(m.Repo, provider, request))) return ApiResponse.Error(401, Unauthentic);

        var runs = new List<StartedBody>();
        var reasons = new List<string>();
        foreach (var (push, repo) in matched)
        {
            var (command, reason) = PushPlanner.Plan(push, repo, options);
            if (command is null)
            {
                reasons.Add(reason!);
                continue;
            }

            var result = await starter.StartAsync(command, client, cancellationToken);
            runs.Add(ToBody(result));
        }

        return Respond(provider, runs, reasons);
    }

    private StartedBody ToBody(StartResult result) => result.Outcome switch
    {
        StartOutcome.Invalid => new StartedBody("invalid", null, result.App, null, result.Diagnostics.Select(d => d.ToString()).ToList()),
        StartOutcome.Started => new StartedBody("started", result.RunId, result.App, links.RunUrl(result.RunId!)),
        _ => new StartedBody("existing", result.RunId, result.App, links.RunUrl(result.RunId!)),
    };

    /// <summary>
    /// 202 when a run started, 200 when all were found or ignored, 422 when the config at the commit is invalid —
    /// except for GitLab, which would disable the hook over a 4xx that is the pusher's config, not the hook's.
    /// </summary>
    private static ApiResponse Respond(GitProvider provider, List<StartedBody> runs, List<string> reasons)
    {
        if (runs.Count == 0) return Ignored(string.Join("; ", reasons));
        var status = runs.Any(r => r.Outcome == "started") ? 202
            : runs.Any(r => r.Outcome == "invalid") ? (provider == GitProvider.GitLab ? 200 : 422)
            : 200;
        var outcome = status == 202 ? "started" : runs.Any(r => r.Outcome == "invalid") ? "invalid" : "existing";
        var headers = runs.Count == 1 && runs[0].StatusUrl is { } location ? new Dictionary<string, string> { ["Location"] = location } : null;
        return ApiResponse.Json(status, new HookBody(outcome, reasons.Count > 0 ? string.Join("; ", reasons) : null, runs), headers);
    }

    private static ApiResponse Ignored(string reason) => ApiResponse.Json(200, new HookBody("ignored", reason, []));
}

/// <param name="Outcome"><c>started</c>, <c>existing</c>, <c>invalid</c> or <c>ignored</c>.</param>
public sealed record HookBody(string Outcome, string? Reason, IReadOnlyList<StartedBody> Runs);
