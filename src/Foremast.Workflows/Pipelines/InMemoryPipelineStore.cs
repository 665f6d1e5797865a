using System.Collections.Concurrent;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Pipelines;

/// <summary>For tests and single-process hosts; the hosts register a durable store (blobs) instead.</summary>
public sealed class InMemoryPipelineStore : IPipelineStore
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<StoredPipeline>> _runs = new(StringComparer.Ordinal);

    public Task SaveAsync(string runId, IReadOnlyList<StoredPipeline> pipelines, CancellationToken cancellationToken = default)
    {
        _runs[runId] = pipelines;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredPipeline>> LoadAsync(string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_runs.TryGetValue(runId, out var pipelines) ? pipelines : (IReadOnlyList<StoredPipeline>)[]);
}
