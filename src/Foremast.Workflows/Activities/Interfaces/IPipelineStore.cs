using System.Text.Json;

namespace Foremast.Workflows.Activities.Interfaces;

/// <summary>One generated Spinnaker pipeline as kept with a run.</summary>
public sealed record StoredPipeline(string? Region, string FileName, string Name, JsonElement Document);

/// <summary>
/// Keeps the Spinnaker pipelines generated for a run next to the run (not in its status document, which must stay
/// small), so the status endpoint can show exactly what Spinnaker would have run.
/// </summary>
public interface IPipelineStore
{
    /// <summary>Replaces whatever was stored for the run: saving twice (a retried activity) gives the same result.</summary>
    Task SaveAsync(string runId, IReadOnlyList<StoredPipeline> pipelines, CancellationToken cancellationToken = default);

    /// <summary>The run's pipelines, empty when none were stored.</summary>
    Task<IReadOnlyList<StoredPipeline>> LoadAsync(string runId, CancellationToken cancellationToken = default);
}
