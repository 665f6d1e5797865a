using System.Text.Json.Nodes;
using Foremast.Aws.Converge;
using Foremast.Aws.Http;
using Foremast.Aws.LoadBalancers;
using Foremast.Aws.LoadBalancers.Classic;
using Foremast.Aws.Tests.Support;
using Xunit.Abstractions;

namespace Foremast.Aws.Tests.LoadBalancers;

public sealed class ClassicLoadBalancerTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Example_dev_classic_elb_is_created_as_foremast_did_and_a_second_run_makes_no_write()
    {
        var log = new CallLog();
        var resource = new LoadBalancerResource(AwsTestClients.Builder(moto.Url, log));
        var session = AwsTestClients.Session(moto.Url, region: "us-east-1");
        var (network, groupId) = await LoadBalancerSeed.AccountAsync(session);
        var ctx = ExampleStage.Context("dev", "us-east-1");

        var first = await resource.ConvergeAsync(ctx, default);
        var firstCalls = log.Calls.Count;
        var firstWrites = log.Writes.Select(w => w.Operation).ToList();
        log.Clear();
        var second = await resource.ConvergeAsync(ctx, default);

        var change = Assert.Single(first.Changes);
        Assert.Equal((Verbs.Created, "loadbalancer", "webshopacme"), (change.Verb, change.Kind, change.Name));
        Assert.Contains("HTTP:80 → HTTP:8080", change.Detail);
        var lb = (await session.Elb.CallAsync("DescribeLoadBalancers", new QueryParameters().List("LoadBalancerNames.member", ["webshopacme"]))).Find("member")!;
        Assert.Equal("internal", lb.Value("Scheme"));
        Assert.Equal(network.ElbSubnets.Order(), lb.Members("Subnets").Select(s => s.Value).Order());
        Assert.Equal([groupId], lb.Members("SecurityGroups").Select(s => s.Value));
        var listener = lb.Find("Listener")!;
        Assert.Equal(("HTTP", "80", "8080"), (listener.Value("Protocol"), listener.Value("LoadBalancerPort"), listener.Value("InstancePort")));
        var health = lb.Child("HealthCheck")!;
        Assert.Equal(("HTTP:8080/health", "20", "10", "2", "5"), (health.Value("Target"), health.Value("Interval"), health.Value("Timeout"), health.Value("HealthyThreshold"), health.Value("UnhealthyThreshold")));
        var attributes = await new ClassicElbClient(session.Elb).DescribeLoadBalancerAttributesAsync("webshopacme", default);
        Assert.Equal((true, false, false, 60), (attributes.CrossZoneLoadBalancing, attributes.AccessLog.Enabled, attributes.ConnectionDraining.Enabled, attributes.IdleTimeout));
        var tags = await new ClassicElbClient(session.Elb).DescribeTagsAsync("webshopacme", default);
        Assert.Equal("acme", tags["app_group"]);
        Assert.Equal("webshopacme", tags["app_name"]);

        Assert.Equal([new Foremast.Workflows.Activities.Interfaces.ResourceChange(Verbs.Unchanged, "loadbalancer", "webshopacme")], second.Changes);
        Assert.Empty(log.Writes);
        output.WriteLine($"first converge: {firstCalls} calls, writes {string.Join(", ", firstWrites)}; second: {log.Calls.Count} calls ({string.Join(", ", log.Calls.Select(c => c.Operation))}), 0 writes");
    }

    [Fact]
    public async Task Listener_health_check_attributes_and_stickiness_changes_converge_and_dry_runs_report_them_before_and_nothing_after()
    {
        const string region = "us-west-2";
        var log = new CallLog();
        var resource = new LoadBalancerResource(AwsTestClients.Builder(moto.Url, log));
        var session = AwsTestClients.Session(moto.Url, region: region);
        await LoadBalancerSeed.AccountAsync(session, cidrPrefix: "10.20");
        var certificate = await CertificateSeed.RequestAsync(moto.Url, region, "webshop.example.com");
        await resource.ConvergeAsync(ExampleStage.Context("dev", region), default);
        var changed = ExampleStage.Context("dev", region, edit: s =>
        {
            var elb = s["elb"]!.AsObject();
            elb["target"] = "TCP:8080";
            elb["health"] = new JsonObject { ["interval"] = 30, ["threshold"] = 3, ["timeout"] = 5, ["unhealthy_threshold"] = 4 };
            elb["ports"] = new JsonArray(new JsonObject
            {
                ["loadbalancer"] = "HTTPS:443",
                ["instance"] = "HTTP:8080",
                ["certificate"] = certificate,
                ["stickiness"] = new JsonObject { ["type"] = "elb", ["cookie_ttl"] = 300 },
            });
            elb["idle_timeout"] = 120;
            elb["connection_draining_timeout"] = 30;
        });

        var before = Assert.Single((await resource.ConvergeAsync(changed with { DryRun = true }, default)).Changes);
        log.Clear();
        var applied = Assert.Single((await resource.ConvergeAsync(changed, default)).Changes);
        var writes = log.Writes.Select(w => w.Operation).ToList();
        var after = Assert.Single((await resource.ConvergeAsync(changed with { DryRun = true }, default)).Changes);
        log.Clear();
        var again = Assert.Single((await resource.ConvergeAsync(changed, default)).Changes);

        Assert.Equal(Verbs.WouldUpdate, before.Verb);
        Assert.Equal(Verbs.Updated, applied.Verb);
        Assert.Equal(before.Detail, applied.Detail);
        Assert.Contains("listener HTTP:80 → HTTP:8080 removed", before.Detail);
        Assert.Contains($"listener HTTPS:443 → HTTP:8080 ({certificate}) added", before.Detail);
        Assert.Contains("health check HTTP:8080/health every 20s, timeout 10s, healthy 2, unhealthy 5 → TCP:8080 every 30s, timeout 5s, healthy 3, unhealthy 4", before.Detail);
        Assert.Contains("idle timeout 60s → 120s", before.Detail);
        Assert.Contains("connection draining off → 30s", before.Detail);
        Assert.Contains("stickiness policy webshopacme-elb-443-300 created", before.Detail);
        Assert.Equal(["DeleteLoadBalancerListeners", "CreateLoadBalancerListeners", "ConfigureHealthCheck", "ModifyLoadBalancerAttributes", "CreateLBCookieStickinessPolicy", "SetLoadBalancerPoliciesOfListener"], writes);

        var live = (await new ClassicElbClient(session.Elb).DescribeLoadBalancerAsync("webshopacme", default))!;
        var listener = Assert.Single(live.ListenerDescriptions);
        Assert.Equal((443, "HTTPS", 8080, certificate), (listener.Listener.LoadBalancerPort, listener.Listener.Protocol, listener.Listener.InstancePort, listener.Listener.SSLCertificateId));
        Assert.Equal(["webshopacme-elb-443-300"], listener.PolicyNames);
        Assert.Equal(new ClassicHealthCheck("TCP:8080", 30, 5, 4, 3), live.HealthCheck);
        var attributes = await new ClassicElbClient(session.Elb).DescribeLoadBalancerAttributesAsync("webshopacme", default);
        Assert.Equal((120, true, 30), (attributes.IdleTimeout, attributes.ConnectionDraining.Enabled, attributes.ConnectionDraining.Timeout));

        Assert.Equal(Verbs.Unchanged, after.Verb);
        Assert.Equal(Verbs.Unchanged, again.Verb);
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Legacy_single_listener_keys_make_the_listener_when_there_are_no_ports()
    {
        const string region = "eu-west-1";
        var resource = new LoadBalancerResource(AwsTestClients.Builder(moto.Url));
        var session = AwsTestClients.Session(moto.Url, region: region);
        await LoadBalancerSeed.AccountAsync(session, cidrPrefix: "10.30");
        var ctx = ExampleStage.Context("dev", region, edit: s =>
        {
            var elb = s["elb"]!.AsObject();
            elb.Remove("ports");
            elb.Remove("target");
            elb["lb_proto"] = "tcp";
            elb["lb_port"] = 7000;
            elb["i_proto"] = "tcp";
            elb["i_port"] = 7001;
        });

        await resource.ConvergeAsync(ctx, default);

        var live = (await new ClassicElbClient(session.Elb).DescribeLoadBalancerAsync("webshopacme", default))!;
        Assert.Equal(new ClassicListener("TCP", 7000, "TCP", 7001), Assert.Single(live.ListenerDescriptions).Listener);
        Assert.Equal("TCP:8080", live.HealthCheck!.Target);
    }

    [Fact]
    public async Task Dry_run_on_an_empty_account_reports_would_create_and_makes_no_write()
    {
        const string region = "ap-southeast-2";
        var log = new CallLog();
        var resource = new LoadBalancerResource(AwsTestClients.Builder(moto.Url, log));
        var session = AwsTestClients.Session(moto.Url, region: region);
        await AccountSeed.NetworkAsync(session.Ec2, region, "vpc", "internal", "10.40");

        var change = Assert.Single((await resource.ConvergeAsync(ExampleStage.Context("dev", region, dryRun: true), default)).Changes);

        Assert.Equal(Verbs.WouldCreate, change.Verb);
        Assert.Contains("internal load balancer with listeners HTTP:80 → HTTP:8080", change.Detail);
        Assert.Contains("security groups webshopacme", change.Detail);
        Assert.Empty(log.Writes);
        Assert.Null(await new ClassicElbClient(session.Elb).DescribeLoadBalancerAsync("webshopacme", default));
    }

    [Fact]
    public async Task Permission_error_is_one_line_naming_resource_operation_and_aws_code_without_retry()
    {
        const string region = "ca-central-1";
        var seed = AwsTestClients.Session(moto.Url, region: region);
        await LoadBalancerSeed.AccountAsync(seed, cidrPrefix: "10.50");
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.AccessDenied, 5, c => c.Operation == "CreateLoadBalancer");
        var resource = new LoadBalancerResource(AwsTestClients.Builder(proxy.Url));

        var error = await Assert.ThrowsAsync<AwsOperationException>(() => resource.ConvergeAsync(ExampleStage.Context("dev", region), default));

        Assert.Equal(
            "loadbalancer webshopacme: CreateLoadBalancer failed: AccessDenied: User: arn:aws:iam::123456789012:user/deployer is not authorized to perform this action",
            error.Message);
        Assert.Single(proxy.Calls, c => c.Operation == "CreateLoadBalancer");
    }

    [Fact]
    public async Task Lookup_finds_the_classic_elb_with_its_dns_name_and_hosted_zone()
    {
        const string region = "eu-central-1";
        var session = AwsTestClients.Session(moto.Url, region: region);
        await LoadBalancerSeed.AccountAsync(session, cidrPrefix: "10.60");
        await new LoadBalancerResource(AwsTestClients.Builder(moto.Url)).ConvergeAsync(ExampleStage.Context("dev", region), default);

        var found = await LoadBalancerLookup.FindAsync(session, "webshopacme");
        var missing = await LoadBalancerLookup.FindAsync(session, "nosuchapp");

        Assert.NotNull(found);
        Assert.Equal(("classic", true, null), (found.Type, found.Internal, found.TargetGroupArn));
        Assert.StartsWith("webshopacme", found.DnsName);
        // moto leaves CanonicalHostedZoneNameID out: the region's published ELB zone stands in.
        Assert.Equal("Z215JYRZR1TBD5", found.CanonicalHostedZoneId);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Certificate_security_groups_access_log_and_removed_stickiness_converge_with_only_the_calls_they_need()
    {
        const string region = "us-east-2";
        var log = new CallLog();
        var resource = new LoadBalancerResource(AwsTestClients.Builder(moto.Url, log));
        var session = AwsTestClients.Session(moto.Url, region: region);
        var (network, groupId) = await LoadBalancerSeed.AccountAsync(session, cidrPrefix: "10.70");
        var extra = (await session.Ec2.CreateSecurityGroupAsync(new Amazon.EC2.Model.CreateSecurityGroupRequest { GroupName = "partners", Description = "x", VpcId = network.VpcId })).GroupId;
        var oldCertificate = await CertificateSeed.RequestAsync(moto.Url, region, "old.example.com");
        var newCertificate = await CertificateSeed.RequestAsync(moto.Url, region, "new.example.com");
        JsonObject Https(string certificate, bool sticky)
        {
            var listener = new JsonObject { ["loadbalancer"] = "HTTPS:443", ["instance"] = "HTTP:8080", ["certificate"] = certificate };
            if (sticky) listener["stickiness"] = new JsonObject { ["type"] = "app", ["cookie_name"] = "JSESSIONID" };
            return listener;
        }

        await resource.ConvergeAsync(ExampleStage.Context("dev", region, edit: s => s["elb"]!.AsObject()["ports"] = new JsonArray(Https(oldCertificate, sticky: true))), default);
        var created = (await new ClassicElbClient(session.Elb).DescribeLoadBalancerAsync("webshopacme", default))!;
        var changed = ExampleStage.Context("dev", region, edit: s =>
        {
            s["elb"]!.AsObject()["ports"] = new JsonArray(Https(newCertificate, sticky: false));
            s["elb"]!.AsObject()["access_log"] = new JsonObject { ["bucket_name"] = "logs", ["bucket_prefix"] = "elb", ["emit_interval"] = 5 };
            s["security_group"]!.AsObject()["elb_extras"] = new JsonArray("partners");
        });
        log.Clear();
        var applied = Assert.Single((await resource.ConvergeAsync(changed, default)).Changes);
        var writes = log.Writes.Select(w => w.Operation).ToList();
        log.Clear();
        var again = Assert.Single((await resource.ConvergeAsync(changed, default)).Changes);

        Assert.Equal(["webshopacme-app-443-JSESSIONID"], Assert.Single(created.ListenerDescriptions).PolicyNames);
        Assert.Equal(Verbs.Updated, applied.Verb);
        Assert.Contains($"listener HTTPS:443 certificate {oldCertificate} → {newCertificate}", applied.Detail);
        Assert.Contains($"security groups {groupId} → {groupId}, {extra}", applied.Detail);
        Assert.Contains("access log off → s3://logs/elb every 5 min", applied.Detail);
        Assert.Contains("listener HTTPS:443 policies [webshopacme-app-443-JSESSIONID] → []", applied.Detail);
        Assert.Contains("stickiness policy webshopacme-app-443-JSESSIONID deleted", applied.Detail);
        Assert.Equal(["ApplySecurityGroupsToLoadBalancer", "SetLoadBalancerListenerSSLCertificate", "ModifyLoadBalancerAttributes", "SetLoadBalancerPoliciesOfListener", "DeleteLoadBalancerPolicy"], writes);
        var live = (await new ClassicElbClient(session.Elb).DescribeLoadBalancerAsync("webshopacme", default))!;
        Assert.Equal(newCertificate, Assert.Single(live.ListenerDescriptions).Listener.SSLCertificateId);
        Assert.Empty(Assert.Single(live.ListenerDescriptions).PolicyNames);
        Assert.Empty(live.Policies.AppCookieStickinessPolicies);
        Assert.Equal(new[] { groupId, extra }.Order(), live.SecurityGroups.Order());
        var attributes = await new ClassicElbClient(session.Elb).DescribeLoadBalancerAttributesAsync("webshopacme", default);
        Assert.Equal(new ClassicAccessLog(true, "logs", 5, "elb"), attributes.AccessLog);
        Assert.Equal(Verbs.Unchanged, again.Verb);
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Throttling_and_unavailable_answers_are_retried_and_the_load_balancer_is_created_once()
    {
        const string region = "eu-west-3";
        var seed = AwsTestClients.Session(moto.Url, region: region);
        await LoadBalancerSeed.AccountAsync(seed, cidrPrefix: "10.80");
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.Throttle, 2, c => c.Operation == "CreateLoadBalancer").Fail(FaultKind.Unavailable, 1, c => c.Operation == "DescribeLoadBalancers");
        var resource = new LoadBalancerResource(AwsTestClients.Builder(proxy.Url));

        var change = Assert.Single((await resource.ConvergeAsync(ExampleStage.Context("dev", region), default)).Changes);

        Assert.Equal(Verbs.Created, change.Verb);
        Assert.Equal(3, proxy.FaultsServed);
        Assert.NotNull(await new ClassicElbClient(seed.Elb).DescribeLoadBalancerAsync("webshopacme", default));
    }

    [Fact]
    public async Task Acm_certificate_unknown_to_the_account_fails_with_awss_message_in_one_line()
    {
        // moto, like AWS, refuses an HTTPS listener whose ACM certificate does not exist (the example itself names an IAM
        // server certificate its seed uploads, so the prod listener is given an ACM ARN no account has here).
        const string region = "eu-north-1";
        var session = AwsTestClients.Session(moto.Url, env: "prod", region: region);
        await LoadBalancerSeed.AccountAsync(session, purpose: "external", cidrPrefix: "10.90");
        var resource = new LoadBalancerResource(AwsTestClients.Builder(moto.Url));

        var error = await Assert.ThrowsAsync<AwsOperationException>(() => resource.ConvergeAsync(ExampleStage.Context("prod", "us-east-1", edit: UnknownAcmCertificate).InRegion(region), default));

        Assert.Equal("loadbalancer webshopacme: CreateLoadBalancer failed: CertificateNotFound: Supplied certificate was not found", error.Message);
    }

    [Fact]
    public async Task New_elb_subnet_is_attached_and_a_scheme_change_is_refused_in_one_line_without_writes()
    {
        const string region = "ap-northeast-2";
        var log = new CallLog();
        var resource = new LoadBalancerResource(AwsTestClients.Builder(moto.Url, log));
        var session = AwsTestClients.Session(moto.Url, region: region);
        var (network, _) = await LoadBalancerSeed.AccountAsync(session, cidrPrefix: "10.100");
        await resource.ConvergeAsync(ExampleStage.Context("dev", region), default);
        var added = await TaggedSubnetAsync(session, network.VpcId, "10.100.30.0/24", "ap-northeast-2c", "internal");
        await TaggedSubnetAsync(session, network.VpcId, "10.100.31.0/24", "ap-northeast-2d", "external");

        log.Clear();
        var attached = Assert.Single((await resource.ConvergeAsync(ExampleStage.Context("dev", region), default)).Changes);
        var attachWrites = log.Writes.Select(w => w.Operation).ToList();
        log.Clear();
        var error = await Assert.ThrowsAsync<AwsOperationException>(() =>
            resource.ConvergeAsync(ExampleStage.Context("dev", region, edit: s => s["elb"]!.AsObject()["subnet_purpose"] = "external"), default));

        Assert.Equal((Verbs.Updated, $"subnets {added} attached"), (attached.Verb, attached.Detail));
        Assert.Equal(["AttachLoadBalancerToSubnets"], attachWrites);
        Assert.Contains(added, (await new ClassicElbClient(session.Elb).DescribeLoadBalancerAsync("webshopacme", default))!.Subnets);
        Assert.Equal(
            "loadbalancer webshopacme: the load balancer is internal but elb.subnet_purpose asks for internet-facing; AWS cannot change a scheme: delete the load balancer (and its DNS records) and run again",
            error.Message);
        Assert.Empty(log.Writes);
    }

    private static async Task<string> TaggedSubnetAsync(AwsSession session, string vpcId, string cidr, string zone, string purpose)
    {
        var id = (await session.Ec2.CreateSubnetAsync(new Amazon.EC2.Model.CreateSubnetRequest { VpcId = vpcId, CidrBlock = cidr, AvailabilityZone = zone })).Subnet.SubnetId;
        await session.Ec2.CreateTagsAsync(new Amazon.EC2.Model.CreateTagsRequest
        {
            Resources = [id],
            Tags = [new Amazon.EC2.Model.Tag("immutable_metadata", $$"""{"purpose": "{{purpose}}", "target": "elb"}""")],
        });
        return id;
    }

    private static void UnknownAcmCertificate(System.Text.Json.Nodes.JsonObject env) =>
        env["elb"]!["ports"]![0]!["certificate"] = "arn:aws:acm:us-east-1:333333333333:certificate/abcd";
}
