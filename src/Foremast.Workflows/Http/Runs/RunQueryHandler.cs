using System.Text.Json;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Http.Runs;

/// <summary><c>GET /api/runs/{id}</c> and <c>GET /api/runs?app=&amp;status=&amp;limit=</c>.</summary>
public sealed class RunQueryHandler
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public async Task<ApiResponse> GetAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var runId = request.Route("id") ?? "";
        var instance = RunIds.IsRunId(runId) ? await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken) : null;
        if (instance is null || instance.Name != nameof(DeploymentRunOrchestrator)) return ApiResponse.Error(404, $"no run {runId}");

        var status = instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<RunStatus>();
        if (status is not null) status = status.WithLiveRegions(await LiveRegionsAsync(client, status, cancellationToken));
        var input = instance.SerializedInput is null ? null : instance.ReadInputAs<DeploymentRunInput>();
        var result = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && instance.SerializedOutput is not null
            ? instance.ReadOutputAs<DeploymentRunResult>()
            : null;

        var document = new RunDocument(
            runId,
            status?.App ?? input?.Snapshot.App,
            instance.RuntimeStatus.ToString(),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            input is null ? null : new RunSource(input.Snapshot.Source, input.Artifact, input.Options?.DryRun ?? false),
            status,
            result,
            Pipelines(instance.SerializedOutput) ?? Pipelines(instance.SerializedCustomStatus),
            instance.FailureDetails?.ErrorMessage);
        return ApiResponse.Json(200, document);
    }

    public async Task<ApiResponse> ListAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
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

    /// <summary>Regions still running keep their live document on their own instance.</summary>
    private static async Task<IReadOnlyList<RegionStatus>> LiveRegionsAsync(DurableTaskClient client, RunStatus status, CancellationToken cancellationToken)
    {
        var live = new List<RegionStatus>();
        foreach (var region in status.Regions.Where(r => r.State is not (RegionState.Succeeded or RegionState.Failed or RegionState.Stopped)))
        {
            var instance = await client.GetInstanceAsync(region.InstanceId, getInputsAndOutputs: true, cancellationToken);
            if (instance?.SerializedCustomStatus is not null && instance.ReadCustomStatusAs<RegionStatus>() is { } fresh) live.Add(fresh);
        }

        return live;
    }

    /// <summary>The generated Spinnaker pipelines, wherever the run put them (output or custom status, property <c>pipelines</c>).</summary>
    private static JsonElement? Pipelines(string? serialized)
    {
        if (serialized is null) return null;
        try
        {
            using var json = JsonDocument.Parse(serialized);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.NameEquals("pipelines") || property.NameEquals("Pipelines")) return property.Value.Clone();
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }
}
