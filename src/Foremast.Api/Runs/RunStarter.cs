using Foremast.Core.Validation;
using Foremast.Workflows.Sources;
using Foremast.Workflows.Notifications;
using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Runs;

/// <summary>Loads the config at the source, derives the run id, and starts the run unless that id already exists.</summary>
public sealed class RunStarter(IConfigSourceReader reader, ForemastApiOptions options)
{
    public async Task<StartResult> StartAsync(RunStartCommand command, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var loaded = await reader.ReadAsync(new ConfigReadRequest(command.Source, command.Project, command.Repo, command.ConfigFile), cancellationToken);
        if (!loaded.IsValid) return new StartResult(StartOutcome.Invalid, null, null, loaded.Errors.ToList());

        var snapshot = loaded.Snapshot!;
        if (command.App is { Length: > 0 } app && app != snapshot.App)
        {
            return new StartResult(StartOutcome.Invalid, null, snapshot.App,
                [Diagnostic.Error("(request)", "$.app", $"\"{app}\" does not match the app \"{snapshot.App}\" that project and repo name")]);
        }

        // The run decides; the engine setting is only the default for requests that did not say.
        var dryRun = command.DryRun ?? options.DryRun;
        var runId = RunIds.For(snapshot.App, snapshot.Source, command.Artifact.Version, dryRun);
        if (await client.GetInstanceAsync(runId, cancellationToken) is not null)
        {
            return new StartResult(StartOutcome.Existing, runId, snapshot.App, []);
        }

        var input = new DeploymentRunInput(runId, snapshot, command.Artifact, RunOptionsFor(options, dryRun) with { Notifications = NotificationTargets.Read(snapshot.Pipeline) },
            command.CommitAuthor is { Length: > 0 } author ? author.Trim() : null);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(DeploymentRunOrchestrator), input, new StartOrchestrationOptions(InstanceId: runId), cancellationToken);
        }
        catch (Exception)
        {
            // Two deliveries raced past the existence check and the other one started the run; anything else is a real error.
            if (await client.GetInstanceAsync(runId, cancellationToken) is null) throw;
            return new StartResult(StartOutcome.Existing, runId, snapshot.App, []);
        }

        return new StartResult(StartOutcome.Started, runId, snapshot.App, []);
    }

    /// <summary>Built here, never deserialised from a request, so callers cannot shorten gates or waits.</summary>
    internal static RunOptions RunOptionsFor(ForemastApiOptions options, bool dryRun) => new(
        DryRun: dryRun,
        CheckpointTimeout: options.Tuning.CheckpointTimeout,
        HealthPollInterval: options.Tuning.HealthPollInterval,
        RetryFirstDelay: options.Tuning.RetryFirstDelay,
        DeployTimeout: options.Tuning.DeployTimeout);
}
