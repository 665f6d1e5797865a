using Foremast.Api.Approvals;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Runs;

/// <summary>
/// <c>POST /api/runs/{id}/rerun</c>: starts a fresh attempt of a finished run from its first stage, as
/// <c>{original}-r{N}</c> with the next free N, with the same pinned config snapshot, artifact, dry-run decision and
/// notification targets. The engine's current tuning applies, as it does to any new run. 404 for an unknown run, 409
/// while the run (or another attempt of it) is still going: two attempts of one artifact never deploy at once.
/// Who asked (<see cref="CallerName"/>: the identity header, else the body's <c>by</c>), when and from which address
/// (<see cref="DecisionSource"/>, as for approval decisions) go into the attempt's input, and from there onto its status.
/// </summary>
public sealed class RerunRunHandler(LinkBuilder links, ForemastApiOptions options, TimeProvider time)
{
    /// <summary>Each retry follows a concurrent rerun that took the number first; more than a few means something else is wrong.</summary>
    private const int MaxNumberRaces = 5;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var runId = request.Route("id") ?? "";
        var instance = RunIds.IsRunId(runId) ? await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken) : null;
        if (instance is null || instance.Name != nameof(DeploymentRunOrchestrator)) return ApiResponse.Error(404, $"no run {runId}");
        if (RunAttempts.IsActive(instance.RuntimeStatus)) return StillGoing(runId, instance.RuntimeStatus);

        var original = RunAttempts.Original(runId);
        var attempts = await RunAttempts.ListAsync(client, original, cancellationToken);
        var family = new List<OrchestrationMetadata>(attempts);
        if (original != runId && await client.GetInstanceAsync(original, cancellationToken) is { } first) family.Add(first);
        if (family.FirstOrDefault(a => RunAttempts.IsActive(a.RuntimeStatus)) is { } going) return StillGoing(going.InstanceId, going.RuntimeStatus);

        if (instance.ReadInputAs<DeploymentRunInput>() is not { } input) return ApiResponse.Error(409, $"run {runId} recorded no input to start again from");
        var dryRun = input.Options?.DryRun ?? false;
        var runOptions = RunStarter.RunOptionsFor(options, dryRun) with { Notifications = input.Options?.Notifications };
        var caller = CallerName.Of(request, FormFields.Read(request), options.Approvals);
        var source = DecisionSource.Of(request, options.Approvals.TrustedProxies);
        var asked = new RerunRequest(runId, caller.Name, time.GetUtcNow().UtcDateTime, caller.Verified, source.Address, source.ForwardedFor);

        var next = attempts.Count == 0 ? 1 : RunAttempts.Number(original, attempts[^1].InstanceId)!.Value + 1;
        for (var race = 0; ; race++, next++)
        {
            var attemptId = RunAttempts.Id(original, next);
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(DeploymentRunOrchestrator), input with { RunId = attemptId, Options = runOptions, Rerun = asked },
                    new StartOrchestrationOptions(InstanceId: attemptId), cancellationToken);
            }
            catch (Exception) when (race < MaxNumberRaces)
            {
                // Another rerun of the same run took this number between the listing and the start: take the next one.
                if (await client.GetInstanceAsync(attemptId, cancellationToken) is null) throw;
                continue;
            }

            var statusUrl = links.RunUrl(attemptId);
            return ApiResponse.Json(202, new StartedBody("started", attemptId, input.Snapshot.App, statusUrl, RerunOf: runId, By: asked.By),
                new Dictionary<string, string> { ["Location"] = statusUrl });
        }
    }

    private static ApiResponse StillGoing(string runId, OrchestrationRuntimeStatus status) => ApiResponse.Error(409,
        $"run {runId} is still {status.ToString().ToLowerInvariant()}: a new attempt starts only after it has ended (follow it with GET /api/runs/{runId}, or cancel it with POST /api/runs/{runId}/cancel)");
}
