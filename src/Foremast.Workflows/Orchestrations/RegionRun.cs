using Foremast.Core.Plan;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Orchestrations.Stages;
using Foremast.Workflows.Status;
using Foremast.Workflows.Telemetry;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations;

/// <summary>The state of one execution of <see cref="RegionPipelineOrchestrator"/>; rebuilt identically on every replay.</summary>
internal sealed class RegionRun(TaskOrchestrationContext context, RegionPipelineInput input)
{
    private readonly RegionStatusTracker _status = new(input.Work.Region, context.InstanceId, input.Work.Stages.Select(s => s.Stage));
    private readonly List<CheckpointRecord> _checkpoints = [];
    private readonly List<(PlannedStage Stage, Task<string?> Error)> _branches = [];
    private readonly RegionMemory _memory = new();

    public async Task<RegionResult> ExecuteAsync()
    {
        Publish();
        foreach (var work in input.Work.Stages.Where(s => !s.Stage.IsBranch))
        {
            // A failed branch fails the region before the next mainline stage starts, as a failPipeline branch does in Spinnaker.
            if (FailedBranch() is { } failedBranch) return await FailAsync(failedBranch.Stage.Name, failedBranch.Error);

            if (Handler(work.Stage) is { IsCheckpoint: true } gate)
            {
                var record = (await gate.RunAsync(Execution(work, new CheckpointContext(_status, Publish, AnyBranchFailsAsync())))).Checkpoint;
                if (record is null)
                {
                    var (branch, branchError) = FailedBranch()!.Value;
                    return await FailAsync(branch.Name, branchError);
                }

                _checkpoints.Add(record);
                if (record.Outcome != CheckpointOutcome.Approved) return await StopAsync(record);
                continue;
            }

            if (await RunStageAsync(work) is { } error) return await FailAsync(work.Stage.Name, error);
            foreach (var branch in input.Work.Stages.Where(s => s.Stage.IsBranch && s.Stage.RequisiteRefIds.Contains(work.Stage.RefId)))
            {
                _branches.Add((branch.Stage, RunStageAsync(branch)));
            }
        }

        await AllBranchesAsync();
        if (FailedBranch() is { } failed) return await FailAsync(failed.Stage.Name, failed.Error);
        _status.Finished(RegionState.Succeeded);
        return Result(RegionOutcome.Succeeded, null, null, null);
    }

    /// <returns>The error, or null when the stage succeeded.</returns>
    private async Task<string?> RunStageAsync(StageWork work)
    {
        var stage = work.Stage;
        var started = context.CurrentUtcDateTime;
        _status.Started(stage.RefId, started);
        Publish();
        var execution = Execution(work);
        try
        {
            var handler = Handler(stage) ?? throw new StageFailedException($"this engine has no handler for {stage.Kind} stages of {input.PipelineType} pipelines");
            var output = await handler.RunAsync(execution);
            _status.Succeeded(stage.RefId, context.CurrentUtcDateTime, output.Lines, execution.Retries.Retries);
            Publish();
            RunTelemetry.StageEnded(context, input, stage, started, "succeeded", null);
            return null;
        }
        catch (Exception ex) when (ex is TaskFailedException or StageTimeoutException or StageFailedException)
        {
            var error = ex is TaskFailedException failed ? failed.FailureDetails.ErrorMessage : ex.Message;
            _status.Failed(stage.RefId, context.CurrentUtcDateTime, error, (ex as StageFailedException)?.Changes, execution.Retries.Retries);
            Publish();
            RunTelemetry.StageEnded(context, input, stage, started, "failed", error);
            return error;
        }
    }

    private IStageHandler? Handler(PlannedStage stage) => StageTable.Find(stage.Kind, input.PipelineType);

    private StageExecution Execution(StageWork work, CheckpointContext? gate = null) => new(context, input, work.Stage, Request(work), _memory, gate);

    private StageRequest Request(StageWork work) => new(
        input.RunId, input.App, input.Work.Region, work.Stage.Env, work.Stage.RefId, work.Stage.Name, input.Artifact, work.Settings, input.Options.DryRun, input.PipelineType, input.Scope);

    private (PlannedStage Stage, string Error)? FailedBranch() =>
        _branches.Where(b => b.Error.IsCompletedSuccessfully && b.Error.Result is not null).Select(b => ((PlannedStage, string)?)(b.Stage, b.Error.Result!)).FirstOrDefault();

    /// <returns>True as soon as a started branch fails; false once all of them succeeded.</returns>
    private async Task<bool> AnyBranchFailsAsync()
    {
        var remaining = _branches.Select(b => b.Error).ToList();
        while (remaining.Count > 0)
        {
            var done = await Task.WhenAny(remaining);
            if (done.Result is not null) return true;
            remaining.Remove(done);
        }

        return false;
    }

    /// <summary>Branches already started still finish, so the record shows how they ended and nothing runs after the region completes.</summary>
    private Task AllBranchesAsync() => Task.WhenAll(_branches.Select(b => b.Error));

    private async Task<RegionResult> FailAsync(string stage, string error)
    {
        await AllBranchesAsync();
        _status.Finished(RegionState.Failed, $"{stage}: {error}");
        return Result(RegionOutcome.Failed, stage, error, null);
    }

    private async Task<RegionResult> StopAsync(CheckpointRecord record)
    {
        await AllBranchesAsync();
        _status.Finished(RegionState.Stopped, CheckpointStep.Describe(record));
        return Result(RegionOutcome.Stopped, null, null, record);
    }

    private RegionResult Result(RegionOutcome outcome, string? stage, string? error, CheckpointRecord? stoppedBy)
    {
        Publish();
        return new RegionResult(input.Work.Region, outcome, stage, error, stoppedBy, _checkpoints.ToList(), _status.Snapshot());
    }

    private void Publish() => context.SetCustomStatus(_status.Snapshot());
}
