using Foremast.Workflows.Activities.Interfaces;
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
}
