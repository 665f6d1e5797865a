namespace Foremast.Aws.Bake;

/// <summary>Where a bake stands after one step.</summary>
/// <param name="ImageId">The baked image once <see cref="BakeState.Available"/>; null in a dry run that would bake.</param>
/// <param name="Detail">One line for the stage status (what was done or is awaited).</param>
/// <param name="Writes">Whether this step changed anything in the account.</param>
public sealed record BakeProgress(BakeState State, string? ImageId, string Detail, bool Writes = false);
