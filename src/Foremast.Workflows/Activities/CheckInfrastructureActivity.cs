using Foremast.Workflows.Execution;
using Foremast.Workflows.Infrastructure;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

/// <param name="Kinds">Every kind the stage's phases will converge.</param>
public sealed record CheckInfrastructureInput(StageRequest Stage, IReadOnlyList<string> Kinds);

/// <summary>
/// Before the first phase: every kind the stage needs has an executor this run may use, so a host that lacks one
/// fails the stage before anything is applied rather than after the first phase.
/// </summary>
public sealed class CheckInfrastructureActivity(InfrastructureResources resources, LiveExecutionGuard guard) : TaskActivity<CheckInfrastructureInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, CheckInfrastructureInput input)
    {
        var missing = input.Kinds.Where(k => resources.For(k) is null).ToList();
        if (missing.Count > 0) throw new NoLiveExecutorException($"this engine has no executor for the {string.Join(", ", missing)} resource{(missing.Count > 1 ? "s" : "")} of Infrastructure Setup");
        foreach (var kind in input.Kinds) guard.Ensure(resources.For(kind)!, input.Stage, $"the {kind} resource");
        return Task.FromResult(true);
    }
}
