using Foremast.Aws.Http;
using Foremast.Core.Config.Settings;

namespace Foremast.Aws.Deploy;

/// <summary>Where a server group's instances take traffic: the classic ELB <c>{app}</c>, or the ELBv2 target group <c>{app}</c>, or nothing (Eureka).</summary>
public sealed record TrafficTargets(IReadOnlyList<string> LoadBalancerNames, IReadOnlyList<string> TargetGroupArns)
{
    public static readonly TrafficTargets None = new([], []);

    public bool Any => LoadBalancerNames.Count > 0 || TargetGroupArns.Count > 0;

    /// <summary>Looks the app's load balancer or target group up by name (Infrastructure Setup created it).</summary>
    /// <exception cref="AwsConfigurationException">It does not exist.</exception>
    public static async Task<TrafficTargets> ResolveAsync(AwsSession session, string app, DeploySettings settings, CancellationToken cancellationToken)
    {
        if (settings.EurekaEnabled) return None;
        if (!settings.UsesTargetGroup)
        {
            try
            {
                var found = await session.Elb.CallAsync("DescribeLoadBalancers", new QueryParameters().List("LoadBalancerNames.member", [app]), cancellationToken).ConfigureAwait(false);
                if (found.Members("LoadBalancerDescriptions").Any()) return new TrafficTargets([app], []);
            }
            catch (AwsServiceException e) when (e.Code is "LoadBalancerNotFound" or "AccessPointNotFound")
            {
                // Reported below with what to do about it.
            }
            catch (AwsServiceException e)
            {
                throw new AwsOperationException(e.Describe($"load balancer {app}"), e);
            }

            throw new AwsConfigurationException($"load balancer {app} not found in env {session.Env}, region {session.Region}: Infrastructure Setup creates it (elb block)");
        }

        try
        {
            var groups = await session.ElbV2.CallAsync("DescribeTargetGroups", new QueryParameters().List("Names.member", [app]), cancellationToken).ConfigureAwait(false);
            if (groups.Members("TargetGroups").Select(g => g.Value("TargetGroupArn")).FirstOrDefault() is { Length: > 0 } arn) return new TrafficTargets([], [arn]);
        }
        catch (AwsServiceException e) when (e.Code == "TargetGroupNotFound")
        {
            // Reported below.
        }
        catch (AwsServiceException e)
        {
            throw new AwsOperationException(e.Describe($"target group {app}"), e);
        }

        throw new AwsConfigurationException($"target group {app} not found in env {session.Env}, region {session.Region}: Infrastructure Setup creates it (elb.type {settings.ElbType})");
    }

    /// <summary>The instances every load balancer and target group of the group reports healthy (<c>InService</c> / <c>healthy</c>).</summary>
    public async Task<ISet<string>> HealthyAsync(AwsSession session, IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var healthy = instanceIds.ToHashSet(StringComparer.Ordinal);
        if (healthy.Count == 0) return healthy;
        foreach (var lb in LoadBalancerNames)
        {
            var states = await AwsCalls.RunAsync($"load balancer {lb}", "DescribeInstanceHealth", () => session.Elb.CallAsync("DescribeInstanceHealth",
                new QueryParameters().Set("LoadBalancerName", lb).List("Instances.member", instanceIds, (q, p, id) => q.Set(p + "InstanceId", id)), cancellationToken)).ConfigureAwait(false);
            var inService = states.Members("InstanceStates").Where(s => s.Value("State") == "InService").Select(s => s.Value("InstanceId")).ToHashSet(StringComparer.Ordinal);
            healthy.IntersectWith(inService!);
        }

        foreach (var arn in TargetGroupArns)
        {
            var states = await AwsCalls.RunAsync($"target group {arn}", "DescribeTargetHealth", () =>
                session.ElbV2.CallAsync("DescribeTargetHealth", new QueryParameters().Set("TargetGroupArn", arn), cancellationToken)).ConfigureAwait(false);
            var ok = states.Members("TargetHealthDescriptions")
                .Where(d => d.Child("TargetHealth")?.Value("State") == "healthy")
                .Select(d => d.Child("Target")?.Value("Id"))
                .ToHashSet(StringComparer.Ordinal);
            healthy.IntersectWith(ok!);
        }

        return healthy;
    }
}
