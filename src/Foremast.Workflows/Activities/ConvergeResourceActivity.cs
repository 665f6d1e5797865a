using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Foremast.Workflows.Infrastructure;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

/// <param name="Kind">One of <see cref="ResourceKinds"/>.</param>
public sealed record ConvergeResourceInput(StageRequest Stage, string Kind);

/// <summary>One resource kind of Infrastructure Setup; its own activity, so a retry of it never repeats the others.</summary>
public sealed class ConvergeResourceActivity(InfrastructureResources resources, LiveExecutionGuard guard) : TaskActivity<ConvergeResourceInput, ResourceResult>
{
    public override Task<ResourceResult> RunAsync(TaskActivityContext context, ConvergeResourceInput input)
    {
        var resource = resources.For(input.Kind) ?? throw new NoLiveExecutorException($"this engine has no executor for the {input.Kind} resource of Infrastructure Setup");
        guard.Ensure(resource, input.Stage, $"the {input.Kind} resource");
        return resource.ConvergeAsync(input.Stage, CancellationToken.None);
    }
}
