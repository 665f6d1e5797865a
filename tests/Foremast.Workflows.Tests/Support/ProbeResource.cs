using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Tests.Support;

/// <summary>A live-looking resource of one kind (not a recorder) that reports to the shared <see cref="ResourceProbe"/>.</summary>
public sealed class ProbeResource(string kind, ResourceProbe probe) : IInfrastructureResource
{
    public string Kind => kind;

    public Task<ResourceResult> ConvergeAsync(StageRequest request, CancellationToken cancellationToken) => probe.ConvergeAsync(kind, request);
}
