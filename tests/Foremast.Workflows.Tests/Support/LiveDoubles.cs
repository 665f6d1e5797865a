using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Tests.Support;

// Stand-ins for the live AWS executors: not recorders, so the engine treats them as live. Like the real ones they read
// when asked for a dry run and would write otherwise; here every write goes to the MutationTrap, which refuses it.

public sealed class LiveBaker(MutationTrap trap) : IBaker
{
    public Task<BakeStep> AdvanceAsync(StageRequest request, CancellationToken cancellationToken)
    {
        if (!request.DryRun) trap.Mutate(request.RunId, "ec2:RunInstances (bake)");
        trap.Read(request.RunId, "ec2:DescribeImages");
        return Task.FromResult(new BakeStep(BakeState.Done, "ami-0123456789abcdef0", "would bake ami-0123456789abcdef0"));
    }
}

public sealed class LiveDeployer(MutationTrap trap) : IDeployer
{
    public Task<DeployHandle> StartAsync(StageRequest request, string? imageId, CancellationToken cancellationToken)
    {
        if (!request.DryRun) trap.Mutate(request.RunId, "autoscaling:CreateAutoScalingGroup");
        trap.Read(request.RunId, "autoscaling:DescribeAutoScalingGroups");
        return Task.FromResult(new DeployHandle($"{request.App}-v001", request.Region, request.Env ?? ""));
    }

    public Task<DeployHealth> CheckHealthAsync(StageRequest request, DeployHandle handle, int probe, CancellationToken cancellationToken)
    {
        trap.Read(request.RunId, "elasticloadbalancing:DescribeInstanceHealth");
        return Task.FromResult(new DeployHealth(HealthState.Healthy, "dry run: nothing deployed"));
    }

    public Task<string> RollbackAsync(StageRequest request, DeployHandle handle, string reason, CancellationToken cancellationToken)
    {
        if (!request.DryRun) trap.Mutate(request.RunId, "autoscaling:DeleteAutoScalingGroup (rollback)");
        return Task.FromResult($"{handle.ServerGroup} rolled back: {reason}");
    }
}

public sealed class LiveScaling(MutationTrap trap) : IScaling
{
    public Task AttachAsync(StageRequest request, string? serverGroup, CancellationToken cancellationToken)
    {
        if (!request.DryRun) trap.Mutate(request.RunId, "autoscaling:PutScalingPolicy");
        trap.Read(request.RunId, "autoscaling:DescribePolicies");
        return Task.CompletedTask;
    }
}

public sealed class LiveS3Promoter(MutationTrap trap) : IS3Promoter
{
    public Task<S3Promotion> PromoteAsync(StageRequest request, CancellationToken cancellationToken)
    {
        if (!request.DryRun) trap.Mutate(request.RunId, "s3:CopyObject (promote)");
        trap.Read(request.RunId, "s3:ListObjectsV2");
        return Task.FromResult(new S3Promotion($"would promote {request.Artifact.Version} to LATEST"));
    }
}

public sealed class LiveResource(string kind, MutationTrap trap) : IInfrastructureResource
{
    public string Kind => kind;

    public Task<ResourceResult> ConvergeAsync(StageRequest request, CancellationToken cancellationToken)
    {
        if (!request.DryRun) trap.Mutate(request.RunId, $"create {kind}");
        trap.Read(request.RunId, $"describe {kind}");
        return Task.FromResult(new ResourceResult([new ResourceChange("would create", kind, request.App)]));
    }
}
