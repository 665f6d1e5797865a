using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;
using Foremast.Workflows.DryRun;

namespace Foremast.Workflows.Infrastructure;

/// <summary>
/// The registered resources by kind. A host may register a live resource and the recording one for the same kind:
/// the live one wins (it honours dry runs itself); the recorder serves only kinds nothing live covers.
/// </summary>
public sealed class InfrastructureResources(IEnumerable<IInfrastructureResource> registered)
{
    private readonly IReadOnlyList<IInfrastructureResource> _all = registered.ToList();

    public IInfrastructureResource? For(string kind) =>
        _all.FirstOrDefault(r => r.Kind == kind && r is not IRecordingExecutor) ?? _all.FirstOrDefault(r => r.Kind == kind);

    public IReadOnlyList<string> Kinds => _all.Select(r => r.Kind).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Every kind has an executor, and one this run may use (no recorder for a run that is not dry).</summary>
    /// <exception cref="NoLiveExecutorException">Names the first problem; never retried.</exception>
    public void EnsureUsable(IEnumerable<string> kinds, StageRequest request, LiveExecutionGuard guard)
    {
        var wanted = kinds.ToList();
        var missing = wanted.Where(k => For(k) is null).ToList();
        if (missing.Count > 0) throw new NoLiveExecutorException($"no executor for the {string.Join(", ", missing)} resource{(missing.Count > 1 ? "s" : "")} of Infrastructure Setup here");
        foreach (var kind in wanted) guard.Ensure(For(kind)!, request, $"the {kind} resource");
    }
}
