using Foremast.Api.Approvals;
using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Runs;

/// <summary>
/// <c>POST /api/runs/{id}/cancel</c>: terminates the run and every instance under it (<c>{runId}:…</c> regions and deploy
/// stages). Terminating sub-orchestrations by prefix as well as recursively works on every backend, including those
/// that ignore the recursive flag. Who cancelled (the platform identity header, else the body's <c>by</c>), when and
/// why (<c>reason</c>) become the terminated instances' output, which the status endpoint shows.
/// </summary>
public sealed class CancelRunHandler(ApprovalOptions approvals, TimeProvider time)
{
    private const int MaxFieldLength = 200;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var runId = request.Route("id") ?? "";
        var instance = RunIds.IsRunId(runId) ? await client.GetInstanceAsync(runId, cancellationToken) : null;
        if (instance is null || instance.Name != nameof(DeploymentRunOrchestrator)) return ApiResponse.Error(404, $"no run {runId}");
        if (!IsActive(instance.RuntimeStatus)) return ApiResponse.Error(409, $"run {runId} already ended ({instance.RuntimeStatus})");

        var fields = FormFields.Read(request);
        var reason = new RunCancellation(Who(request, fields), time.GetUtcNow().UtcDateTime, Field(fields, "reason"));
        await client.TerminateInstanceAsync(runId, new TerminateInstanceOptions { Output = reason, Recursive = true }, cancellationToken);
        var children = new OrchestrationQuery { InstanceIdPrefix = runId + ":", Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended] };
        var terminated = new List<string> { runId };
        await foreach (var child in client.GetAllInstancesAsync(children).WithCancellation(cancellationToken))
        {
            await client.TerminateInstanceAsync(child.InstanceId, new TerminateInstanceOptions { Output = reason, Recursive = true }, cancellationToken);
            terminated.Add(child.InstanceId);
        }

        return ApiResponse.Json(202, new CancelBody("terminating", runId, terminated, reason.By, reason.At));
    }

    private string Who(ApiRequest request, IReadOnlyDictionary<string, string> fields) =>
        (approvals.IdentityHeader.Length > 0 ? Clip(request.Header(approvals.IdentityHeader)) : null) ?? Field(fields, "by") ?? "anonymous";

    private static string? Field(IReadOnlyDictionary<string, string> fields, string name) => Clip(fields.GetValueOrDefault(name));

    private static string? Clip(string? value) =>
        value?.Trim() is { Length: > 0 } text ? (text.Length <= MaxFieldLength ? text : text[..MaxFieldLength]) : null;

    private static bool IsActive(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;
}

public sealed record CancelBody(string Outcome, string RunId, IReadOnlyList<string> Instances, string? By = null, DateTime? At = null);
