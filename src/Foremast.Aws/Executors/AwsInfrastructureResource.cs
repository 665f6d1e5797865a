using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Executors;

/// <summary>One AWS resource kind as the engine's <see cref="IInfrastructureResource"/>: the stage request becomes its context.</summary>
public sealed class AwsInfrastructureResource(string kind, Func<AwsStageContext, CancellationToken, Task<ResourceResult>> converge) : IInfrastructureResource
{
    public string Kind { get; } = kind;

    public Task<ResourceResult> ConvergeAsync(StageRequest request, CancellationToken cancellationToken) =>
        converge(AwsStageContext.From(request), cancellationToken);
}
