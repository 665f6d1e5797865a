using System.Text.Json;
using Amazon.EC2.Model;
using Foremast.Aws.Converge;
using Foremast.Aws.Http;
using Foremast.Aws.Network;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.LoadBalancers.Desired;

/// <summary>
/// Turns the <c>elb</c> settings of one env and region into a <see cref="DesiredLoadBalancer"/>: subnets tagged for load balancers
/// of the configured purpose, the security groups Foremast attached (<c>default_elb_securitygroups</c> of the env, the app's group,
/// <c>security_group.elb_extras</c>) by id, certificate names turned into ARNs. Reads only.
/// </summary>
public sealed class DesiredLoadBalancerBuilder(AwsClientBuilder clients)
{
    public async Task<DesiredLoadBalancer> BuildAsync(AwsStageContext ctx, AwsSession session, ElbSettings elb, CancellationToken cancellationToken)
    {
        var name = ctx.Names.Name("elb_app");
        var subnets = await new NetworkLookup(session).SubnetsAsync(elb.SubnetPurpose, "elb", ctx.Global.VpcName, cancellationToken).ConfigureAwait(false);
        var vpcId = subnets[0].VpcId;
        var groups = await SecurityGroupsAsync(ctx, session, name, vpcId, cancellationToken).ConfigureAwait(false);
        var certificates = new CertificateResolver(clients, session, ctx.Global.TemplatesPath);
        var listeners = new List<DesiredListener>();
        var configured = elb.EffectiveListeners();
        for (var i = 0; i < configured.Count; i++)
        {
            var listener = configured[i];
            var path = elb.Ports is null ? "$.elb" : $"$.elb.ports[{i}]";
            var front = ListenerEnd.Parse(listener.Loadbalancer, path + (elb.Ports is null ? ".lb_proto/lb_port" : ".loadbalancer"));
            var back = ListenerEnd.Parse(listener.Instance, path + (elb.Ports is null ? ".i_proto/i_port" : ".instance"));
            var certificate = await certificates.ResolveAsync(listener.Certificate, name, cancellationToken).ConfigureAwait(false);
            var stickiness = listener.Stickiness is { } s ? DesiredStickiness.For(name, front.Port, s.Type, s.CookieName, s.CookieTtl) : null;
            listeners.Add(new DesiredListener(front, back, certificate, listener.AllListenerPolicies, listener.BackendPolicies ?? [], stickiness));
        }

        return new DesiredLoadBalancer(
            name,
            elb.EffectiveType,
            elb.IsInternal,
            vpcId,
            subnets.Select(s => s.SubnetId).ToList(),
            groups,
            listeners,
            DesiredHealthCheck.From(elb.Target, elb.EffectiveHealth),
            elb.IdleTimeout ?? 60,
            elb.ConnectionDrainingTimeout,
            elb.AccessLog ?? new ElbAccessLogSettings(),
            ctx.Tags);
    }

    private static async Task<IReadOnlyList<DesiredSecurityGroup>> SecurityGroupsAsync(AwsStageContext ctx, AwsSession session, string name, string vpcId, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        if (ctx.Global.DefaultElbSecurityGroups.TryGetValue(ctx.Env, out var defaults)) names.AddRange(defaults);
        names.Add(ctx.Names.Name("security_group_app"));
        names.AddRange(ElbExtras(ctx.Settings));
        names = names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();

        DescribeSecurityGroupsResponse found;
        try
        {
            found = await session.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
            {
                Filters = [new Filter("vpc-id", [vpcId]), new Filter("group-name", names)],
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Amazon.Runtime.AmazonServiceException e)
        {
            throw AwsOperationException.From(ResourceKinds.LoadBalancer, name, "DescribeSecurityGroups", e);
        }

        var ids = (found.SecurityGroups ?? []).ToDictionary(g => g.GroupName, g => g.GroupId, StringComparer.Ordinal);
        var missing = names.Where(n => !ids.ContainsKey(n)).ToList();
        // A dry run on a fresh account: the app's group is one the security group resource would create first.
        if (missing.Count > 0 && !ctx.DryRun)
        {
            throw new AwsOperationException(
                $"{ResourceKinds.LoadBalancer} {name}: security group(s) {string.Join(", ", missing)} not found in {vpcId} (env {ctx.Env}, region {ctx.Region}); " +
                "the app's group comes from the security group resource, others from base.default_elb_securitygroups and security_group.elb_extras");
        }

        return names.Select(n => new DesiredSecurityGroup(n, ids.GetValueOrDefault(n))).ToList();
    }

    /// <summary><c>security_group.elb_extras</c>; the rest of that block belongs to the security group resource.</summary>
    private static IEnumerable<string> ElbExtras(JsonElement settings) =>
        settings.ValueKind == JsonValueKind.Object
        && settings.TryGetProperty("security_group", out var group) && group.ValueKind == JsonValueKind.Object
        && group.TryGetProperty("elb_extras", out var extras) && extras.ValueKind == JsonValueKind.Array
            ? extras.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            : [];

    /// <summary>
    /// Foremast's <c>format_cert_name</c>: an ARN as is, otherwise what the optional <c>tlscert_naming</c> template maps the name to
    /// (<see cref="CertificateNaming"/>), otherwise the IAM server certificate of that name in the env's account.
    /// </summary>
    private sealed class CertificateResolver(AwsClientBuilder clients, AwsSession session, string? templatesPath)
    {
        private string? _account;

        public async Task<string?> ResolveAsync(string? certificate, string name, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(certificate)) return null;
            if (certificate.StartsWith("arn", StringComparison.Ordinal)) return certificate;
            _account ??= await AccountAsync(name, cancellationToken).ConfigureAwait(false);
            return CertificateNaming.Lookup(templatesPath, session.Env, session.Region, _account, certificate)
                ?? $"arn:aws:iam::{_account}:server-certificate/{certificate}";
        }

        private async Task<string> AccountAsync(string name, CancellationToken cancellationToken)
        {
            try
            {
                var identity = await clients.Query(AwsService.Sts, session.Target).CallAsync("GetCallerIdentity", null, cancellationToken).ConfigureAwait(false);
                return identity.Value("Account") ?? throw new AwsOperationException($"{ResourceKinds.LoadBalancer} {name}: GetCallerIdentity returned no account id");
            }
            catch (AwsServiceException e)
            {
                throw AwsOperationException.From(ResourceKinds.LoadBalancer, name, e);
            }
        }
    }
}
