using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed record AttachScalingPolicyInput(StageRequest Stage, string? ServerGroup);

public sealed class AttachScalingPolicyActivity(IScaling scaling, LiveExecutionGuard guard) : TaskActivity<AttachScalingPolicyInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, AttachScalingPolicyInput input)
    {
        guard.Ensure(scaling, input.Stage, "scaling policies");
        await scaling.AttachAsync(input.Stage, input.ServerGroup, CancellationToken.None);
        return true;
    }
}
