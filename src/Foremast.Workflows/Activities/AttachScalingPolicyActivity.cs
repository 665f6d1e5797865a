using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed record AttachScalingPolicyInput(StageRequest Stage, string? ServerGroup);

public sealed class AttachScalingPolicyActivity(IScaling scaling) : TaskActivity<AttachScalingPolicyInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, AttachScalingPolicyInput input)
    {
        await scaling.AttachAsync(input.Stage, input.ServerGroup, CancellationToken.None);
        return true;
    }
}
