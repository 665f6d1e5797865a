namespace Foremast.Workflows.Activities.Interfaces;

/// <summary>The resources an infrastructure setup created or confirmed (idempotent upserts).</summary>
public sealed record InfrastructureReport(IReadOnlyList<string> Resources);

/// <summary>Foremast's prepare-infrastructure for one env and region: IAM, security group, S3, load balancer, DNS.</summary>
public interface IInfrastructure
{
    Task<InfrastructureReport> SetUpAsync(StageRequest request, CancellationToken cancellationToken);
}
