using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Http.Runs;

/// <summary>
/// <c>GET /api/runs?app=&amp;status=&amp;limit=</c>. <c>status</c> is a runtime status (Running, Completed, Terminated…) or
/// a run state (Succeeded, Stopped…). Run ids start with the app, so the app filter is an id-prefix query, re-checked
/// against the status because one app name can be the prefix of another.
/// </summary>
public sealed class ListRunsHandler
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var app = request.QueryValue("app");
        var statusFilter = request.QueryValue("status");
        OrchestrationRuntimeStatus? runtime = Enum.TryParse<OrchestrationRuntimeStatus>(statusFilter, ignoreCase: true, out var r) ? r : null;
        RunState? state = runtime is null && Enum.TryParse<RunState>(statusFilter, ignoreCase: true, out var s) ? s : null;
        if (statusFilter is not null && runtime is null && state is null) return ApiResponse.Error(400, $"unknown status \"{statusFilter}\"");
        var limit = int.TryParse(request.QueryValue("limit"), out var l) ? Math.Clamp(l, 1, MaxLimit) : DefaultLimit;

        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = app is null ? null : app + "-",
            Statuses = runtime is null ? null : [runtime.Value],
            FetchInputsAndOutputs = true,
            PageSize = 100,
        };
        var runs = new List<RunSummary>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.Name != nameof(DeploymentRunOrchestrator) || !RunIds.IsRunId(instance.InstanceId)) continue;
            var status = instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<RunStatus>();
            if (app is not null && status?.App != app) continue;
            if (state is not null && status?.State != state) continue;
            runs.Add(new RunSummary(instance.InstanceId, status?.App, instance.RuntimeStatus.ToString(), status?.State.ToString(), instance.CreatedAt, instance.LastUpdatedAt));
            if (runs.Count >= limit) break;
        }

        return ApiResponse.Json(200, new RunList(runs.OrderByDescending(x => x.CreatedAt).ToList()));
    }
}
