namespace Foremast.Workflows.Activities.Interfaces;

/// <summary>One change an infrastructure resource made (or, in a dry run, would make).</summary>
/// <param name="Verb">"created" | "updated" | "deleted" | "unchanged"; in dry runs "would create" | "would update" | "would delete" | "unchanged".</param>
/// <param name="Kind">One of <see cref="ResourceKinds"/>.</param>
/// <param name="Name">The resource's name in the account (role, group, bucket, load balancer, record).</param>
/// <param name="Detail">What changed, short (e.g. "ingress tcp/80 from 10.0.0.0/8 added").</param>
public sealed record ResourceChange(string Verb, string Kind, string Name, string? Detail = null);

public sealed record ResourceResult(IReadOnlyList<ResourceChange> Changes);

/// <summary>
/// One resource kind of Infrastructure Setup, converged to the config as desired state: read live state, diff, apply only the
/// difference (nothing when request.DryRun). Idempotent: a second run reports "unchanged" and makes no write.
/// </summary>
public interface IInfrastructureResource
{
    /// <summary>One of <see cref="ResourceKinds"/>: "iam", "securitygroup", "s3", "loadbalancer", "dns".</summary>
    string Kind { get; }

    Task<ResourceResult> ConvergeAsync(StageRequest request, CancellationToken cancellationToken);
}

/// <summary>The resource kinds of Infrastructure Setup, as <see cref="IInfrastructureResource.Kind"/> names them.</summary>
public static class ResourceKinds
{
    public const string Iam = "iam", SecurityGroup = "securitygroup", S3 = "s3", LoadBalancer = "loadbalancer", Dns = "dns";
}
