using System.Globalization;
using System.Xml.Linq;
using Foremast.Aws.Http;

namespace Foremast.Aws.LoadBalancers.V2;

/// <summary>
/// The Elastic Load Balancing v2 calls (API 2015-12-01) Foremast.Functions makes, shaped after the SDK's
/// <c>AmazonElasticLoadBalancingV2Client</c> so a switch to the SDK touches this folder only.
/// </summary>
public sealed class ElbV2Client(AwsQueryClient query)
{
    /// <returns>The load balancer, or null when none has that name.</returns>
    public async Task<V2LoadBalancer?> DescribeLoadBalancerAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var result = await query.CallAsync("DescribeLoadBalancers", new QueryParameters().List("Names.member", [name]), cancellationToken).ConfigureAwait(false);
            return result.Members("LoadBalancers").Select(ParseLoadBalancer).FirstOrDefault();
        }
        catch (AwsServiceException e) when (e.Code == "LoadBalancerNotFound")
        {
            return null;
        }
    }

    /// <returns>The target group, or null when none has that name.</returns>
    public async Task<V2TargetGroup?> DescribeTargetGroupAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var result = await query.CallAsync("DescribeTargetGroups", new QueryParameters().List("Names.member", [name]), cancellationToken).ConfigureAwait(false);
            return result.Members("TargetGroups").Select(ParseTargetGroup).FirstOrDefault();
        }
        catch (AwsServiceException e) when (e.Code == "TargetGroupNotFound")
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<V2Listener>> DescribeListenersAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("DescribeListeners", new QueryParameters().Set("LoadBalancerArn", loadBalancerArn), cancellationToken).ConfigureAwait(false);
        return result.Members("Listeners").Select(ParseListener).ToList();
    }

    public async Task<IReadOnlyDictionary<string, string>> DescribeLoadBalancerAttributesAsync(string arn, CancellationToken cancellationToken) =>
        Attributes(await query.CallAsync("DescribeLoadBalancerAttributes", new QueryParameters().Set("LoadBalancerArn", arn), cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyDictionary<string, string>> DescribeTargetGroupAttributesAsync(string arn, CancellationToken cancellationToken) =>
        Attributes(await query.CallAsync("DescribeTargetGroupAttributes", new QueryParameters().Set("TargetGroupArn", arn), cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyDictionary<string, string>> DescribeTagsAsync(string arn, CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("DescribeTags", new QueryParameters().List("ResourceArns.member", [arn]), cancellationToken).ConfigureAwait(false);
        var description = result.Members("TagDescriptions").FirstOrDefault();
        return (description?.Members("Tags") ?? []).ToDictionary(t => t.Value("Key") ?? "", t => t.Value("Value") ?? "", StringComparer.Ordinal);
    }

    public async Task<V2LoadBalancer> CreateLoadBalancerAsync(
        string name, string type, bool internalScheme, IReadOnlyList<string> subnets, IReadOnlyList<string> securityGroups, IReadOnlyDictionary<string, string> tags,
        CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters()
            .Set("Name", name)
            .Set("Type", type)
            .Set("Scheme", internalScheme ? "internal" : "internet-facing")
            .List("Subnets.member", subnets)
            .Tags("Tags.member", tags);
        // Only application load balancers take security groups here: a network load balancer created without any passes the
        // clients' addresses through to the instances, whose own groups (Foremast's) then decide.
        if (type == "application") parameters.List("SecurityGroups.member", securityGroups);
        var result = await query.CallAsync("CreateLoadBalancer", parameters, cancellationToken).ConfigureAwait(false);
        return result.Members("LoadBalancers").Select(ParseLoadBalancer).First();
    }

    public async Task<V2TargetGroup> CreateTargetGroupAsync(
        string name, string protocol, int port, string vpcId, V2HealthCheck check, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var parameters = HealthCheck(new QueryParameters()
            .Set("Name", name)
            .Set("Protocol", protocol)
            .Set("Port", port)
            .Set("VpcId", vpcId)
            .Set("TargetType", "instance"), check)
            .Tags("Tags.member", tags);
        var result = await query.CallAsync("CreateTargetGroup", parameters, cancellationToken).ConfigureAwait(false);
        return result.Members("TargetGroups").Select(ParseTargetGroup).First();
    }

    public Task ModifyTargetGroupAsync(string arn, V2HealthCheck check, CancellationToken cancellationToken) =>
        query.CallAsync("ModifyTargetGroup", HealthCheck(new QueryParameters().Set("TargetGroupArn", arn), check), cancellationToken);

    public Task CreateListenerAsync(string loadBalancerArn, int port, string protocol, string? certificateArn, string targetGroupArn, CancellationToken cancellationToken) =>
        query.CallAsync("CreateListener", Listener(new QueryParameters().Set("LoadBalancerArn", loadBalancerArn), port, protocol, certificateArn, targetGroupArn), cancellationToken);

    public Task ModifyListenerAsync(string listenerArn, int port, string protocol, string? certificateArn, string targetGroupArn, CancellationToken cancellationToken) =>
        query.CallAsync("ModifyListener", Listener(new QueryParameters().Set("ListenerArn", listenerArn), port, protocol, certificateArn, targetGroupArn), cancellationToken);

    public Task DeleteListenerAsync(string listenerArn, CancellationToken cancellationToken) =>
        query.CallAsync("DeleteListener", new QueryParameters().Set("ListenerArn", listenerArn), cancellationToken);

    public Task ModifyLoadBalancerAttributesAsync(string arn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken) =>
        query.CallAsync("ModifyLoadBalancerAttributes", new QueryParameters().Set("LoadBalancerArn", arn).List("Attributes.member", attributes, WriteAttribute), cancellationToken);

    public Task ModifyTargetGroupAttributesAsync(string arn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken) =>
        query.CallAsync("ModifyTargetGroupAttributes", new QueryParameters().Set("TargetGroupArn", arn).List("Attributes.member", attributes, WriteAttribute), cancellationToken);

    public Task SetSecurityGroupsAsync(string arn, IReadOnlyList<string> groups, CancellationToken cancellationToken) =>
        query.CallAsync("SetSecurityGroups", new QueryParameters().Set("LoadBalancerArn", arn).List("SecurityGroups.member", groups), cancellationToken);

    public Task SetSubnetsAsync(string arn, IReadOnlyList<string> subnets, CancellationToken cancellationToken) =>
        query.CallAsync("SetSubnets", new QueryParameters().Set("LoadBalancerArn", arn).List("Subnets.member", subnets), cancellationToken);

    public Task AddTagsAsync(string arn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        query.CallAsync("AddTags", new QueryParameters().List("ResourceArns.member", [arn]).Tags("Tags.member", tags), cancellationToken);

    private static QueryParameters Listener(QueryParameters parameters, int port, string protocol, string? certificateArn, string targetGroupArn)
    {
        parameters.Set("Port", port).Set("Protocol", protocol)
            .Set("DefaultActions.member.1.Type", "forward")
            .Set("DefaultActions.member.1.TargetGroupArn", targetGroupArn);
        if (certificateArn is not null) parameters.Set("Certificates.member.1.CertificateArn", certificateArn);
        return parameters;
    }

    private static QueryParameters HealthCheck(QueryParameters parameters, V2HealthCheck check) =>
        parameters.Set("HealthCheckProtocol", check.Protocol)
            .Set("HealthCheckPort", check.Port)
            .Set("HealthCheckPath", check.Path)
            .Set("HealthCheckIntervalSeconds", check.IntervalSeconds)
            .Set("HealthCheckTimeoutSeconds", check.TimeoutSeconds)
            .Set("HealthyThresholdCount", check.HealthyThresholdCount)
            .Set("UnhealthyThresholdCount", check.UnhealthyThresholdCount);

    private static void WriteAttribute(QueryParameters q, string prefix, KeyValuePair<string, string> attribute) =>
        q.Set(prefix + "Key", attribute.Key).Set(prefix + "Value", attribute.Value);

    private static Dictionary<string, string> Attributes(XElement result) =>
        result.Members("Attributes").ToDictionary(a => a.Value("Key") ?? "", a => a.Value("Value") ?? "", StringComparer.Ordinal);

    private static V2LoadBalancer ParseLoadBalancer(XElement lb) => new(
        lb.Value("LoadBalancerArn") ?? "",
        lb.Value("LoadBalancerName") ?? "",
        lb.Value("DNSName") ?? "",
        NullIfEmpty(lb.Value("CanonicalHostedZoneId")),
        lb.Value("Scheme") ?? "internet-facing",
        lb.Value("Type") ?? "application",
        NullIfEmpty(lb.Value("VpcId")),
        lb.Members("AvailabilityZones").Select(z => z.Value("SubnetId")).OfType<string>().ToList(),
        lb.Members("SecurityGroups").Select(g => g.Value).ToList());

    private static V2TargetGroup ParseTargetGroup(XElement tg) => new(
        tg.Value("TargetGroupArn") ?? "",
        tg.Value("TargetGroupName") ?? "",
        tg.Value("Protocol") ?? "",
        Int(tg.Value("Port")) ?? 0,
        NullIfEmpty(tg.Value("VpcId")),
        new V2HealthCheck(
            tg.Value("HealthCheckProtocol") ?? "",
            tg.Value("HealthCheckPort") ?? "traffic-port",
            NullIfEmpty(tg.Value("HealthCheckPath")),
            Int(tg.Value("HealthCheckIntervalSeconds")) ?? 0,
            Int(tg.Value("HealthCheckTimeoutSeconds")) ?? 0,
            Int(tg.Value("HealthyThresholdCount")) ?? 0,
            Int(tg.Value("UnhealthyThresholdCount")) ?? 0));

    private static V2Listener ParseListener(XElement listener)
    {
        var forward = listener.Members("DefaultActions").FirstOrDefault(a => a.Value("Type") == "forward");
        return new V2Listener(
            listener.Value("ListenerArn") ?? "",
            Int(listener.Value("Port")) ?? 0,
            listener.Value("Protocol") ?? "",
            listener.Members("Certificates").Select(c => c.Value("CertificateArn")).OfType<string>().FirstOrDefault(),
            forward?.Value("TargetGroupArn"));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
