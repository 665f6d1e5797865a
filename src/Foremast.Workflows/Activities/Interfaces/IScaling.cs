namespace Foremast.Workflows.Activities.Interfaces;

/// <summary>Attaches the env's <c>asg.scaling_policy</c> to the server group the deploy created.</summary>
public interface IScaling
{
    Task AttachAsync(StageRequest request, string? serverGroup, CancellationToken cancellationToken);
}
