using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Foremast.Workflows.Infrastructure;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

/// <param name="Kind">One of <see cref="ResourceKinds"/>.</param>
/// <param name="StageKinds">
/// Set for the first phase: every kind the stage will converge. Each first-phase activity checks them all before it
/// applies anything, so a host that lacks one changes nothing (no separate check activity, one hop less per stage).
/// </param>
public sealed record ConvergeResourceInput(StageRequest Stage, string Kind, IReadOnlyList<string>? StageKinds = null);

/// <summary>One resource kind of Infrastructure Setup; its own activity, so a retry of it never repeats the others.</summary>
public sealed class ConvergeResourceActivity(InfrastructureResources resources, LiveExecutionGuard guard) : TaskActivity<ConvergeResourceInput, ResourceResult>
{
    public override Task<ResourceResult> RunAsync(TaskActivityContext context, ConvergeResourceInput input)
    {
        resources.EnsureUsable(input.StageKinds ?? [input.Kind], input.Stage, guard);
        return resources.For(input.Kind)!.ConvergeAsync(input.Stage, CancellationToken.None);
    }
}
