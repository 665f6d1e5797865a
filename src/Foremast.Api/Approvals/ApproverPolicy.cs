using System.Text.Json;
using Foremast.Workflows.Orchestrations;

namespace Foremast.Api.Approvals;

/// <summary>
/// Who may decide a gate, from the run's own config: <c>promote_restrict</c> in <c>pipeline.json</c> (<c>none</c>;
/// <c>members-only</c>: the decider must be on the env's <c>app.approvers</c>; <c>masters-only</c>: on the list and, to
/// approve, not the author of the deployed commit) and the author the trigger reported.
/// </summary>
public sealed record ApproverPolicy(string Restrict, IReadOnlyList<string> Approvers, string? Author)
{
    public static readonly ApproverPolicy Open = new("none", [], null);

    public static ApproverPolicy For(DeploymentRunInput? input, string env)
    {
        if (input is null) return Open;
        var restrict = input.Snapshot.Pipeline.ValueKind == JsonValueKind.Object && input.Snapshot.Pipeline.TryGetProperty("promote_restrict", out var r) && r.ValueKind == JsonValueKind.String
            ? r.GetString()!.Trim().ToLowerInvariant()
            : "none";
        var approvers = new List<string>();
        if (input.Snapshot.Environments.TryGetValue(env, out var doc) && doc.ValueKind == JsonValueKind.Object
            && doc.TryGetProperty("app", out var app) && app.ValueKind == JsonValueKind.Object
            && app.TryGetProperty("approvers", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            approvers.AddRange(list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()));
        }

        return new ApproverPolicy(restrict, approvers, input.CommitAuthor);
    }

    /// <returns>Null when <paramref name="who"/> may take this decision; else why not, as one sentence.</returns>
    public string? Refusal(string who, ApprovalDecision decision)
    {
        if (Restrict is "" or "none") return null;
        if (Restrict is not ("members-only" or "masters-only")) return $"promote_restrict \"{Restrict}\" is not a rule this engine knows, so nobody may decide";
        if (!Approvers.Contains(who, StringComparer.OrdinalIgnoreCase)) return $"{who} is not on this env's app.approvers (promote_restrict: {Restrict})";
        if (Restrict == "masters-only" && decision == ApprovalDecision.Approve && Author is { Length: > 0 } author && string.Equals(author, who, StringComparison.OrdinalIgnoreCase))
        {
            return $"{who} made the deployed commit and may not approve it (promote_restrict: masters-only)";
        }

        return null;
    }
}
