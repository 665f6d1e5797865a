using System.Text.Json;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Infrastructure;

/// <summary>
/// Which resource kinds Infrastructure Setup converges for a pipeline type, in phases: independent resources together,
/// then the load balancer (it needs the security group), then DNS (it points at the load balancer). The kinds per type
/// follow Foremast's <c>prepare_infrastructure</c>: s3 and datapipeline apps get no IAM or security group, lambda and
/// stepfunction apps no load balancer or DNS, and <c>app.eureka_enabled</c> skips load balancer and DNS.
/// </summary>
public static class InfrastructurePhases
{
    /// <returns>Non-empty phases only; no phases at all for types whose setup is not one of these resources (datapipeline, cloudfunction).</returns>
    public static IReadOnlyList<IReadOnlyList<string>> For(string pipelineType, JsonElement settings)
    {
        var kinds = KindsFor(pipelineType, settings);
        IReadOnlyList<string>[] phases =
        [
            [.. new[] { ResourceKinds.Iam, ResourceKinds.SecurityGroup, ResourceKinds.S3 }.Where(kinds.Contains)],
            [.. new[] { ResourceKinds.LoadBalancer }.Where(kinds.Contains)],
            [.. new[] { ResourceKinds.Dns }.Where(kinds.Contains)],
        ];
        return phases.Where(p => p.Count > 0).ToList();
    }

    public static HashSet<string> KindsFor(string pipelineType, JsonElement settings) => pipelineType switch
    {
        "s3" => [ResourceKinds.S3],
        "datapipeline" or "cloudfunction" => [],
        "lambda" or "stepfunction" => [ResourceKinds.Iam, ResourceKinds.SecurityGroup, ResourceKinds.S3],
        _ when AppFlags.EurekaEnabled(settings) => [ResourceKinds.Iam, ResourceKinds.SecurityGroup, ResourceKinds.S3],
        _ => [ResourceKinds.Iam, ResourceKinds.SecurityGroup, ResourceKinds.S3, ResourceKinds.LoadBalancer, ResourceKinds.Dns],
    };
}
