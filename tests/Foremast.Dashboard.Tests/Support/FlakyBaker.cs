using System.Collections.Concurrent;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;

namespace Foremast.Dashboard.Tests.Support;

/// <summary>
/// The engine's own dry-run baker, except that the first bake step of <see cref="Version"/> in each region throws once,
/// as a busy bakery would: the stage's real retry handler then tries again and the run status counts the retry. Every
/// other version bakes as the recorder does. Still a recording executor, so a live run is refused exactly as before.
/// </summary>
public sealed class FlakyBaker(IActionRecorder recorder) : IBaker, IRecordingExecutor
{
    /// <summary>The artifact version whose bakes fail once; no other test starts it.</summary>
    public const string Version = "2.0.7";

    private readonly DryRunBaker _inner = new(recorder);
    private readonly ConcurrentDictionary<string, bool> _failed = new(StringComparer.Ordinal);

    public Task<BakeStep> AdvanceAsync(StageRequest request, CancellationToken cancellationToken)
    {
        if (request.Artifact.Version == Version && _failed.TryAdd($"{request.RunId}/{request.Region}", true))
        {
            throw new InvalidOperationException("bakery busy: try again");
        }

        return _inner.AdvanceAsync(request, cancellationToken);
    }
}
