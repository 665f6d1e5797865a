using Foremast.Workflows.Activities;

namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>Attach Scaling Policy: to the server group the env's deploy created in this region.</summary>
internal sealed class ScalingPolicyHandler : IStageHandler
{
    public async Task<StageOutput> RunAsync(StageExecution x)
    {
        var serverGroup = x.Memory.ServerGroupOf(x.Stage.Env);
        await x.WithinTimeout(x.Context.CallActivityAsync<bool>(nameof(AttachScalingPolicyActivity), new AttachScalingPolicyInput(x.Request, serverGroup), x.Retry));
        return StageOutput.None;
    }
}
