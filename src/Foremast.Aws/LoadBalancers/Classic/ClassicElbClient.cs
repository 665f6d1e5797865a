using System.Globalization;
using System.Xml.Linq;
using Foremast.Aws.Http;

namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>
/// The classic Elastic Load Balancing calls (API 2012-06-01) Foremast.Functions makes, shaped after the SDK's
/// <c>AmazonElasticLoadBalancingClient</c> so a switch to the SDK touches this folder only.
/// </summary>
public sealed class ClassicElbClient(AwsQueryClient query)
{
    /// <returns>The load balancer, or null when none has that name.</returns>
    public async Task<LoadBalancerDescription?> DescribeLoadBalancerAsync(string name, CancellationToken cancellationToken)
    {
        XElement result;
        try
        {
            result = await query.CallAsync("DescribeLoadBalancers", new QueryParameters().List("LoadBalancerNames.member", [name]), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (IsNotFound(e))
        {
            return null;
        }

        var member = result.Members("LoadBalancerDescriptions").FirstOrDefault();
        return member is null ? null : ParseDescription(member);
    }

    public async Task<LoadBalancerAttributes> DescribeLoadBalancerAttributesAsync(string name, CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("DescribeLoadBalancerAttributes", new QueryParameters().Set("LoadBalancerName", name), cancellationToken).ConfigureAwait(false);
        var attributes = result.Child("LoadBalancerAttributes") ?? new XElement("LoadBalancerAttributes");
        var log = attributes.Child("AccessLog");
        var draining = attributes.Child("ConnectionDraining");
        return new LoadBalancerAttributes(
            Bool(attributes.Child("CrossZoneLoadBalancing")?.Value("Enabled")),
            new ClassicAccessLog(Bool(log?.Value("Enabled")), NullIfEmpty(log?.Value("S3BucketName")), Int(log?.Value("EmitInterval")), NullIfEmpty(log?.Value("S3BucketPrefix"))),
            new ClassicConnectionDraining(Bool(draining?.Value("Enabled")), Int(draining?.Value("Timeout"))),
            Int(attributes.Child("ConnectionSettings")?.Value("IdleTimeout")) ?? 60);
    }

    public async Task<IReadOnlyDictionary<string, string>> DescribeTagsAsync(string name, CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("DescribeTags", new QueryParameters().List("LoadBalancerNames.member", [name]), cancellationToken).ConfigureAwait(false);
        var description = result.Members("TagDescriptions").FirstOrDefault();
        return (description?.Members("Tags") ?? []).ToDictionary(t => t.Value("Key") ?? "", t => t.Value("Value") ?? "", StringComparer.Ordinal);
    }

    /// <returns>The DNS name of the new load balancer.</returns>
    public async Task<string> CreateLoadBalancerAsync(
        string name, IReadOnlyList<ClassicListener> listeners, IReadOnlyList<string> subnets, IReadOnlyList<string> securityGroups, bool internalScheme,
        IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters()
            .Set("LoadBalancerName", name)
            .List("Listeners.member", listeners, WriteListener)
            .List("Subnets.member", subnets)
            .List("SecurityGroups.member", securityGroups)
            .Tags("Tags.member", tags);
        // Internet-facing is the default; only an internal load balancer names its scheme (as the SDK does).
        if (internalScheme) parameters.Set("Scheme", "internal");
        var result = await query.CallAsync("CreateLoadBalancer", parameters, cancellationToken).ConfigureAwait(false);
        return result.Value("DNSName") ?? "";
    }

    public Task CreateLoadBalancerListenersAsync(string name, IReadOnlyList<ClassicListener> listeners, CancellationToken cancellationToken) =>
        query.CallAsync("CreateLoadBalancerListeners", new QueryParameters().Set("LoadBalancerName", name).List("Listeners.member", listeners, WriteListener), cancellationToken);

    public Task DeleteLoadBalancerListenersAsync(string name, IReadOnlyList<int> ports, CancellationToken cancellationToken) =>
        query.CallAsync("DeleteLoadBalancerListeners", new QueryParameters().Set("LoadBalancerName", name).List("LoadBalancerPorts.member", ports.Select(Text)), cancellationToken);

    public Task SetLoadBalancerListenerSSLCertificateAsync(string name, int port, string certificateId, CancellationToken cancellationToken) =>
        query.CallAsync("SetLoadBalancerListenerSSLCertificate", new QueryParameters().Set("LoadBalancerName", name).Set("LoadBalancerPort", port).Set("SSLCertificateId", certificateId), cancellationToken);

    public Task ConfigureHealthCheckAsync(string name, ClassicHealthCheck check, CancellationToken cancellationToken) =>
        query.CallAsync("ConfigureHealthCheck", new QueryParameters()
            .Set("LoadBalancerName", name)
            .Set("HealthCheck.Target", check.Target)
            .Set("HealthCheck.Interval", check.Interval)
            .Set("HealthCheck.Timeout", check.Timeout)
            .Set("HealthCheck.UnhealthyThreshold", check.UnhealthyThreshold)
            .Set("HealthCheck.HealthyThreshold", check.HealthyThreshold), cancellationToken);

    public Task ModifyLoadBalancerAttributesAsync(string name, LoadBalancerAttributes attributes, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters()
            .Set("LoadBalancerName", name)
            .Set("LoadBalancerAttributes.CrossZoneLoadBalancing.Enabled", attributes.CrossZoneLoadBalancing)
            .Set("LoadBalancerAttributes.AccessLog.Enabled", attributes.AccessLog.Enabled)
            .Set("LoadBalancerAttributes.ConnectionDraining.Enabled", attributes.ConnectionDraining.Enabled)
            .Set("LoadBalancerAttributes.ConnectionSettings.IdleTimeout", attributes.IdleTimeout);
        if (attributes.AccessLog.Enabled)
        {
            parameters.Set("LoadBalancerAttributes.AccessLog.S3BucketName", attributes.AccessLog.S3BucketName)
                .Set("LoadBalancerAttributes.AccessLog.S3BucketPrefix", attributes.AccessLog.S3BucketPrefix)
                .Set("LoadBalancerAttributes.AccessLog.EmitInterval", attributes.AccessLog.EmitInterval);
        }

        if (attributes.ConnectionDraining.Enabled) parameters.Set("LoadBalancerAttributes.ConnectionDraining.Timeout", attributes.ConnectionDraining.Timeout);
        return query.CallAsync("ModifyLoadBalancerAttributes", parameters, cancellationToken);
    }

    public Task ApplySecurityGroupsToLoadBalancerAsync(string name, IReadOnlyList<string> groupIds, CancellationToken cancellationToken) =>
        query.CallAsync("ApplySecurityGroupsToLoadBalancer", new QueryParameters().Set("LoadBalancerName", name).List("SecurityGroups.member", groupIds), cancellationToken);

    public Task AttachLoadBalancerToSubnetsAsync(string name, IReadOnlyList<string> subnets, CancellationToken cancellationToken) =>
        query.CallAsync("AttachLoadBalancerToSubnets", new QueryParameters().Set("LoadBalancerName", name).List("Subnets.member", subnets), cancellationToken);

    public Task DetachLoadBalancerFromSubnetsAsync(string name, IReadOnlyList<string> subnets, CancellationToken cancellationToken) =>
        query.CallAsync("DetachLoadBalancerFromSubnets", new QueryParameters().Set("LoadBalancerName", name).List("Subnets.member", subnets), cancellationToken);

    public Task CreateAppCookieStickinessPolicyAsync(string name, string policyName, string cookieName, CancellationToken cancellationToken) =>
        query.CallAsync("CreateAppCookieStickinessPolicy", new QueryParameters().Set("LoadBalancerName", name).Set("PolicyName", policyName).Set("CookieName", cookieName), cancellationToken);

    public Task CreateLBCookieStickinessPolicyAsync(string name, string policyName, long? expirationPeriod, CancellationToken cancellationToken) =>
        query.CallAsync("CreateLBCookieStickinessPolicy", new QueryParameters().Set("LoadBalancerName", name).Set("PolicyName", policyName)
            .Set("CookieExpirationPeriod", expirationPeriod?.ToString(CultureInfo.InvariantCulture)), cancellationToken);

    public Task DeleteLoadBalancerPolicyAsync(string name, string policyName, CancellationToken cancellationToken) =>
        query.CallAsync("DeleteLoadBalancerPolicy", new QueryParameters().Set("LoadBalancerName", name).Set("PolicyName", policyName), cancellationToken);

    /// <summary>Replaces the listener's policies with exactly <paramref name="policyNames"/> (an empty list clears them).</summary>
    public Task SetLoadBalancerPoliciesOfListenerAsync(string name, int port, IReadOnlyList<string> policyNames, CancellationToken cancellationToken) =>
        query.CallAsync("SetLoadBalancerPoliciesOfListener", PolicyList(new QueryParameters().Set("LoadBalancerName", name).Set("LoadBalancerPort", port), policyNames), cancellationToken);

    /// <summary>Replaces the back-end policies of an instance port with exactly <paramref name="policyNames"/>.</summary>
    public Task SetLoadBalancerPoliciesForBackendServerAsync(string name, int instancePort, IReadOnlyList<string> policyNames, CancellationToken cancellationToken) =>
        query.CallAsync("SetLoadBalancerPoliciesForBackendServer", PolicyList(new QueryParameters().Set("LoadBalancerName", name).Set("InstancePort", instancePort), policyNames), cancellationToken);

    public Task AddTagsAsync(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        query.CallAsync("AddTags", new QueryParameters().List("LoadBalancerNames.member", [name]).Tags("Tags.member", tags), cancellationToken);

    /// <summary>AWS answers <c>LoadBalancerNotFound</c> (the SDK's <c>AccessPointNotFoundException</c>) for an unknown name.</summary>
    private static bool IsNotFound(AwsServiceException e) => e.Code is "LoadBalancerNotFound" or "AccessPointNotFound";

    /// <summary>An empty list must still be sent (<c>PolicyNames=</c>) for AWS to clear the policies.</summary>
    private static QueryParameters PolicyList(QueryParameters parameters, IReadOnlyList<string> policyNames)
    {
        if (policyNames.Count == 0) return parameters.Set("PolicyNames", "");
        return parameters.List("PolicyNames.member", policyNames);
    }

    private static void WriteListener(QueryParameters q, string prefix, ClassicListener listener) =>
        q.Set(prefix + "Protocol", listener.Protocol)
            .Set(prefix + "LoadBalancerPort", listener.LoadBalancerPort)
            .Set(prefix + "InstanceProtocol", listener.InstanceProtocol)
            .Set(prefix + "InstancePort", listener.InstancePort)
            .Set(prefix + "SSLCertificateId", listener.SSLCertificateId);

    private static LoadBalancerDescription ParseDescription(XElement lb)
    {
        var policies = lb.Child("Policies");
        var health = lb.Child("HealthCheck");
        return new LoadBalancerDescription(
            lb.Value("LoadBalancerName") ?? "",
            lb.Value("DNSName") ?? "",
            NullIfEmpty(lb.Value("CanonicalHostedZoneNameID")),
            lb.Value("Scheme") ?? "internet-facing",
            NullIfEmpty(lb.Value("VPCId")),
            lb.Members("Subnets").Select(s => s.Value).ToList(),
            lb.Members("SecurityGroups").Select(s => s.Value).ToList(),
            lb.Members("ListenerDescriptions").Select(ParseListenerDescription).ToList(),
            lb.Members("BackendServerDescriptions").Select(b => new BackendServerDescription(Int(b.Value("InstancePort")) ?? 0, b.Members("PolicyNames").Select(p => p.Value).ToList())).ToList(),
            policies is null
                ? ClassicPolicies.None
                : new ClassicPolicies(
                    policies.Members("AppCookieStickinessPolicies").Select(p => new AppCookieStickinessPolicy(p.Value("PolicyName") ?? "", p.Value("CookieName") ?? "")).ToList(),
                    policies.Members("LBCookieStickinessPolicies").Select(p => new LBCookieStickinessPolicy(p.Value("PolicyName") ?? "", Long(p.Value("CookieExpirationPeriod")))).ToList(),
                    policies.Members("OtherPolicies").Select(p => p.Value).ToList()),
            health is null || string.IsNullOrEmpty(health.Value("Target"))
                ? null
                : new ClassicHealthCheck(health.Value("Target")!, Int(health.Value("Interval")) ?? 0, Int(health.Value("Timeout")) ?? 0, Int(health.Value("UnhealthyThreshold")) ?? 0, Int(health.Value("HealthyThreshold")) ?? 0));
    }

    private static ClassicListenerDescription ParseListenerDescription(XElement member)
    {
        var listener = member.Child("Listener") ?? member;
        return new ClassicListenerDescription(
            new ClassicListener(
                (listener.Value("Protocol") ?? "").ToUpperInvariant(),
                Int(listener.Value("LoadBalancerPort")) ?? 0,
                (listener.Value("InstanceProtocol") ?? listener.Value("Protocol") ?? "").ToUpperInvariant(),
                Int(listener.Value("InstancePort")) ?? 0,
                NullIfEmpty(listener.Value("SSLCertificateId"))),
            member.Members("PolicyNames").Select(p => p.Value).ToList());
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool Bool(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static long? Long(string? value) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
