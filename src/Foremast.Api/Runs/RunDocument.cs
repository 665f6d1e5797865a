using System.Text.Json;
using Foremast.Core.Config;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;

namespace Foremast.Api.Runs;

/// <summary>
/// <c>GET /api/runs/{id}</c>: the run's status document with live region entries, its result once it ended, and the
/// generated Spinnaker pipelines when the run recorded them. The snapshot itself is left out (it holds engine settings).
/// </summary>
/// <param name="Cancelled">Who cancelled the run and when; set only for a cancelled (terminated) run, whose status then says <c>Cancelled</c>.</param>
/// <param name="Attempts">For an original run: the ids of its reruns (<c>{runId}-r{N}</c>), oldest first; empty when it was never rerun. Null for an attempt.</param>
public sealed record RunDocument(
    string RunId,
    string? App,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    RunSource? Source,
    RunStatus? Status,
    DeploymentRunResult? Result,
    JsonElement? Pipelines,
    string? Failure,
    IReadOnlyList<ApprovalLink>? Approvals = null,
    RunCancellation? Cancelled = null,
    IReadOnlyList<string>? Attempts = null);

/// <summary>An open gate's approval link; only listed when <see cref="ApprovalOptions.LinksInRunStatus"/> is on.</summary>
public sealed record ApprovalLink(string Region, string Env, string Stage, DateTime ExpiresAt, string Url);

/// <summary>What the run deploys and from where; the URL was stripped of credentials when the config was read.</summary>
public sealed record RunSource(ConfigSource Config, ArtifactRef Artifact, bool DryRun);

/// <summary>One line of <c>GET /api/runs</c>.</summary>
/// <param name="Version">The artifact version the run deploys.</param>
/// <param name="Commit">The config commit for a run from git; null for a directory source.</param>
/// <param name="EndedAt">When the run's status says it ended (a cancelled run: when it was cancelled); null while it goes on.</param>
public sealed record RunSummary(
    string RunId,
    string? App,
    string RuntimeStatus,
    string? State,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? Version = null,
    string? Commit = null,
    bool? DryRun = null,
    DateTime? StartedAt = null,
    DateTime? EndedAt = null);

public sealed record RunList(IReadOnlyList<RunSummary> Runs);
