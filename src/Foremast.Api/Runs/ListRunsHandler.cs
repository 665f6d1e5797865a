using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Runs;

/// <summary>
/// <c>GET /api/runs?app=&amp;status=&amp;state=&amp;limit=</c>. <c>status</c> is a runtime status (Running, Completed, Terminated…) or
/// a run state (Succeeded, Stopped, Cancelled…), or <c>active</c>/<c>ended</c>; <c>state</c> is a run state only. Run ids start with the app, so the app
/// filter is an id-prefix query, re-checked against the status because one app name can be the prefix of another.
/// </summary>
public sealed class ListRunsHandler
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    private static readonly OrchestrationRuntimeStatus[] Active = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    /// <summary>A cancelled run is terminated: it has ended, whatever its last custom status says.</summary>
    private static readonly OrchestrationRuntimeStatus[] Ended = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var app = request.QueryValue("app");
        var statusFilter = request.QueryValue("status");
        IReadOnlyList<OrchestrationRuntimeStatus>? runtime = statusFilter?.ToLowerInvariant() switch
        {
            "active" => Active,
            "ended" => Ended,
            _ => Enum.TryParse<OrchestrationRuntimeStatus>(statusFilter, ignoreCase: true, out var r) ? [r] : null,
        };
        RunState? state = runtime is null && Enum.TryParse<RunState>(statusFilter, ignoreCase: true, out var s) ? s : null;
        if (statusFilter is not null && runtime is null && state is null) return ApiResponse.Error(400, $"unknown status \"{statusFilter}\" (a runtime status, a run state, active or ended)");

        // "Failed" and "Running" name both a runtime status (which status= prefers) and a run state: state= is the run state only.
        if (request.QueryValue("state") is { } stateFilter)
        {
            if (!Enum.TryParse<RunState>(stateFilter, ignoreCase: true, out var only) || int.TryParse(stateFilter, out _))
            {
                return ApiResponse.Error(400, $"unknown state \"{stateFilter}\" (one of {string.Join(", ", Enum.GetNames<RunState>())})");
            }

            if (state is not null && state != only) return ApiResponse.Json(200, new RunList([]));
            state = only;
        }
        var limit = int.TryParse(request.QueryValue("limit"), out var l) ? Math.Clamp(l, 1, MaxLimit) : DefaultLimit;

        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = app is null ? null : app + "-",
            Statuses = runtime,
            FetchInputsAndOutputs = true,
            PageSize = 100,
        };
        var runs = new List<RunSummary>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.Name != nameof(DeploymentRunOrchestrator) || !RunIds.IsRunId(instance.InstanceId)) continue;
            var status = instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<RunStatus>();
            if (app is not null && status?.App != app) continue;
            // The state a terminated run left in its custom status (Running) is not its state: it was cancelled.
            var cancelled = RunCancellation.Of(instance);
            var runState = cancelled is not null ? RunState.Cancelled : status?.State;
            if (state is not null && runState != state) continue;
            var input = instance.SerializedInput is null ? null : instance.ReadInputAs<DeploymentRunInput>();
            var endedAt = cancelled is not null ? cancelled.At : status?.EndedAt;
            runs.Add(new RunSummary(
                instance.InstanceId, status?.App ?? input?.Snapshot.App, instance.RuntimeStatus.ToString(), runState?.ToString(), instance.CreatedAt, instance.LastUpdatedAt,
                input?.Artifact.Version, input?.Snapshot.Source.Commit, input is null ? null : input.Options?.DryRun ?? false, status?.StartedAt, endedAt));
            if (runs.Count >= limit) break;
        }

        return ApiResponse.Json(200, new RunList(runs.OrderByDescending(x => x.CreatedAt).ToList()));
    }
}
