using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Http.Runs;

/// <summary>
/// <c>POST /api/runs/{id}/cancel</c>: terminates the run and every instance under it (<c>{runId}:…</c> regions and deploy
/// stages). Terminating sub-orchestrations by prefix as well as recursively works on every backend, including those
/// that ignore the recursive flag.
/// </summary>
public sealed class CancelRunHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var runId = request.Route("id") ?? "";
        var instance = RunIds.IsRunId(runId) ? await client.GetInstanceAsync(runId, cancellationToken) : null;
        if (instance is null || instance.Name != nameof(DeploymentRunOrchestrator)) return ApiResponse.Error(404, $"no run {runId}");
        if (!IsActive(instance.RuntimeStatus)) return ApiResponse.Error(409, $"run {runId} already ended ({instance.RuntimeStatus})");

        var reason = "cancelled through the API";
        await client.TerminateInstanceAsync(runId, new TerminateInstanceOptions { Output = reason, Recursive = true }, cancellationToken);
        var children = new OrchestrationQuery { InstanceIdPrefix = runId + ":", Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended] };
        var terminated = new List<string> { runId };
        await foreach (var child in client.GetAllInstancesAsync(children).WithCancellation(cancellationToken))
        {
            await client.TerminateInstanceAsync(child.InstanceId, new TerminateInstanceOptions { Output = reason, Recursive = true }, cancellationToken);
            terminated.Add(child.InstanceId);
        }

        return ApiResponse.Json(202, new CancelBody("terminating", runId, terminated));
    }

    private static bool IsActive(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;
}

public sealed record CancelBody(string Outcome, string RunId, IReadOnlyList<string> Instances);
