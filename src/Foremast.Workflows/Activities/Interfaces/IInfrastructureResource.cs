namespace Foremast.Workflows.Activities.Interfaces;

/// Verb: "created" | "updated" | "deleted" | "unchanged"; in dry runs "would create" | "would update" | "would delete" | "unchanged".
public sealed record ResourceChange(string Verb, string Kind, string Name, string? Detail = null);

public sealed record ResourceResult(IReadOnlyList<ResourceChange> Changes);

/// One resource kind of Infrastructure Setup, converged to the config as desired state: read live state, diff, apply only the
/// difference (nothing when request.DryRun). Idempotent: a second run reports "unchanged" and makes no write.
public interface IInfrastructureResource
{
    string Kind { get; }   // "iam", "securitygroup", "s3", "loadbalancer", "dns"

    Task<ResourceResult> ConvergeAsync(StageRequest request, CancellationToken cancellationToken);
}

public static class ResourceKinds
{
    public const string Iam = "iam", SecurityGroup = "securitygroup", S3 = "s3", LoadBalancer = "loadbalancer", Dns = "dns";
}
