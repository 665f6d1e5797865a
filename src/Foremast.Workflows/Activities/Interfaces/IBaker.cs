namespace Foremast.Workflows.Activities.Interfaces;

public sealed record BakedImage(string ImageId);

/// <summary>Bakes the artifact into a machine image for one region.</summary>
public interface IBaker
{
    Task<BakedImage> BakeAsync(StageRequest request, CancellationToken cancellationToken);
}
