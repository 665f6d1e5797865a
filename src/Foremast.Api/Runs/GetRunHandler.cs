using Foremast.Workflows.Activities.Interfaces;
using System.Text.Json;
using Foremast.Api.Approvals;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Runs;

/// <summary><c>GET /api/runs/{id}</c>: the run instance, with the live documents of its running regions merged in.</summary>
/// <param name="links">Given only when the host lists approval links in the status (<see cref="ApprovalOptions.LinksInRunStatus"/>).</param>
/// <param name="store">Where the generator activity keeps the run's Spinnaker pipelines.</param>
public sealed class GetRunHandler(LinkBuilder? links = null, IPipelineStore? store = null)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var runId = request.Route("id") ?? "";
        var instance = RunIds.IsRunId(runId) ? await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken) : null;
        if (instance is null || instance.Name != nameof(DeploymentRunOrchestrator)) return ApiResponse.Error(404, $"no run {runId}");

        var status = instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<RunStatus>();
        if (status is not null) status = status.WithLiveRegions(await LiveRegionsAsync(client, status, cancellationToken));
        // A terminated run cannot update its own status: show it as the cancellation left it, not as still running.
        var cancelled = RunCancellation.Of(instance);
        if (status is not null && cancelled is not null) status = cancelled.Close(status);
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
            Shown(await StoredPipelinesAsync(runId, cancellationToken) ?? Pipelines(instance.SerializedOutput) ?? Pipelines(instance.SerializedCustomStatus)),
            instance.FailureDetails?.ErrorMessage,
            OpenCheckpointLinks(runId, status),
            cancelled,
            await AttemptsAsync(client, instance, cancellationToken));
        return ApiResponse.Json(200, document);
    }

    private static JsonElement? Shown(JsonElement? pipelines) => pipelines is { } p ? PipelineView.Redact(p) : null;

    private IReadOnlyList<ApprovalLink>? OpenCheckpointLinks(string runId, RunStatus? status)
    {
        if (links is not { CanSign: true } || status is null) return null;
        var open = new List<ApprovalLink>();
        foreach (var region in status.Regions)
        {
            if (region.Checkpoint is not { } gate) continue;
            var expires = new DateTimeOffset(DateTime.SpecifyKind(gate.ExpiresAt, DateTimeKind.Utc));
            open.Add(new ApprovalLink(region.Region, gate.Env, gate.Stage, gate.ExpiresAt, links.ApprovalUrl(new ApprovalClaims(runId, region.Region, gate.Env, expires))));
        }

        return open;
    }

    /// <summary>
    /// An original's reruns; null for an attempt. A rerun starts only once its original has ended, so a running
    /// original (the one <c>foremast run</c> polls) has none and costs no query.
    /// </summary>
    private static async Task<IReadOnlyList<string>?> AttemptsAsync(DurableTaskClient client, OrchestrationMetadata instance, CancellationToken cancellationToken)
    {
        if (RunAttempts.Original(instance.InstanceId) != instance.InstanceId) return null;
        if (RunAttempts.IsActive(instance.RuntimeStatus)) return [];
        return (await RunAttempts.ListAsync(client, instance.InstanceId, cancellationToken)).Select(a => a.InstanceId).ToList();
    }

    /// <summary>Regions still running keep their live document on their own instance.</summary>
    private static async Task<IReadOnlyList<RegionStatus>> LiveRegionsAsync(DurableTaskClient client, RunStatus status, CancellationToken cancellationToken)
    {
        var live = new List<RegionStatus>();
        foreach (var region in status.Regions.Where(r => !RunStatus.IsFinal(r.State)))
        {
            var instance = await client.GetInstanceAsync(region.InstanceId, getInputsAndOutputs: true, cancellationToken);
            if (instance?.SerializedCustomStatus is not null && instance.ReadCustomStatusAs<RegionStatus>() is { } fresh) live.Add(fresh);
        }

        return live;
    }

    private async Task<JsonElement?> StoredPipelinesAsync(string runId, CancellationToken cancellationToken)
    {
        if (store is null) return null;
        var pipelines = await store.LoadAsync(runId, cancellationToken);
        return pipelines.Count == 0 ? null : JsonSerializer.SerializeToElement(pipelines, ApiJson.Options);
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
