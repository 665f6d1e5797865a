using System.Text.Json.Nodes;
using Foremast.Aws.Converge;
using Foremast.Aws.LoadBalancers;
using Foremast.Aws.LoadBalancers.V2;
using Foremast.Aws.Tests.Support;
using Xunit.Abstractions;

namespace Foremast.Aws.Tests.LoadBalancers;

public sealed class ElbV2LoadBalancerTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    private static AwsStageContext Application(string region, Action<JsonObject>? more = null) => ExampleStage.Context("dev", region, edit: s =>
    {
        s["elb"]!.AsObject()["type"] = "application";
        more?.Invoke(s["elb"]!.AsObject());
    });

    [Fact]
    public async Task Application_load_balancer_and_target_group_are_created_then_a_second_run_makes_no_write()
    {
        const string region = "us-east-2";
        var log = new CallLog();
        var resource = new LoadBalancerResource(AwsTestClients.Builder(moto.Url, log));
        var session = AwsTestClients.Session(moto.Url, region: region);
        var (network, groupId) = await LoadBalancerSeed.AccountAsync(session, cidrPrefix: "10.70");
        var ctx = Application(region);

        var first = Assert.Single((await resource.ConvergeAsync(ctx, default)).Changes);
        var firstCalls = log.Calls.Count;
        log.Clear();
        var second = Assert.Single((await resource.ConvergeAsync(ctx, default)).Changes);

        Assert.Equal(Verbs.Created, first.Verb);
        var client = new ElbV2Client(session.ElbV2);
        var lb = (await client.DescribeLoadBalancerAsync("webshopacme", default))!;
        Assert.Equal(("application", "internal"), (lb.Type, lb.Scheme));
        Assert.Equal([groupId], lb.SecurityGroups);
        Assert.Equal(network.ElbSubnets.Order(), lb.Subnets.Order());
        var group = (await client.DescribeTargetGroupAsync("webshopacme", default))!;
        Assert.Equal(("HTTP", 8080, network.VpcId), (group.Protocol, group.Port, group.VpcId));
        Assert.Equal(new V2HealthCheck("HTTP", "8080", "/health", 20, 10, 2, 5), group.HealthCheck);
        var listener = Assert.Single(await client.DescribeListenersAsync(lb.LoadBalancerArn, default));
        Assert.Equal((80, "HTTP", group.TargetGroupArn), (listener.Port, listener.Protocol, listener.ForwardTargetGroupArn));
        Assert.Equal("acme", (await client.DescribeTagsAsync(lb.LoadBalancerArn, default))["app_group"]);
        Assert.Equal("webshopacme", (await client.DescribeTagsAsync(group.TargetGroupArn, default))["app_name"]);

        Assert.Equal(Verbs.Unchanged, second.Verb);
        Assert.Empty(log.Writes);
        output.WriteLine($"ALB first converge: {firstCalls} calls; second: {log.Calls.Count} calls, 0 writes");
    }

    [Fact]
    public async Task Application_listener_health_check_stickiness_and_idle_timeout_changes_converge_with_dry_runs_before_and_after()
    {
        const string region = "us-west-1";
        var log = new CallLog();
        var resource = new LoadBalancerResource(AwsTestClients.Builder(moto.Url, log));
        var session = AwsTestClients.Session(moto.Url, region: region);
        await LoadBalancerSeed.AccountAsync(session, cidrPrefix: "10.80");
        var certificate = await CertificateSeed.RequestAsync(moto.Url, region, "webshop.example.com");
        await resource.ConvergeAsync(Application(region), default);
        var changed = Application(region, elb =>
        {
            elb["target"] = "HTTP:8080/ready";
            elb["health"] = new JsonObject { ["interval"] = 15, ["threshold"] = 3, ["timeout"] = 5, ["unhealthy_threshold"] = 2 };
            elb["ports"] = new JsonArray(new JsonObject
            {
                ["loadbalancer"] = "HTTPS:443",
                ["instance"] = "HTTP:8080",
                ["certificate"] = certificate,
                ["stickiness"] = new JsonObject { ["type"] = "app", ["cookie_name"] = "JSESSIONID" },
            });
            elb["idle_timeout"] = 300;
        });

        var before = Assert.Single((await resource.ConvergeAsync(changed with { DryRun = true }, default)).Changes);
        log.Clear();
        var applied = Assert.Single((await resource.ConvergeAsync(changed, default)).Changes);
        var writes = log.Writes.Select(w => w.Operation).ToList();
        var after = Assert.Single((await resource.ConvergeAsync(changed with { DryRun = true }, default)).Changes);
        log.Clear();
        var again = Assert.Single((await resource.ConvergeAsync(changed, default)).Changes);

        Assert.Equal((Verbs.WouldUpdate, Verbs.Updated), (before.Verb, applied.Verb));
        Assert.Equal(before.Detail, applied.Detail);
        Assert.Contains("health check HTTP:8080/health every 20s, timeout 10s, healthy 2, unhealthy 5 → HTTP:8080/ready every 15s, timeout 5s, healthy 3, unhealthy 2", before.Detail);
        Assert.Contains("listener HTTP:80 removed", before.Detail);
        Assert.Contains($"listener HTTPS:443 ({certificate}) added", before.Detail);
        Assert.Contains("idle_timeout.timeout_seconds 60 → 300", before.Detail);
        Assert.Contains("stickiness.enabled false → true", before.Detail);
        Assert.Equal(["ModifyTargetGroup", "ModifyTargetGroupAttributes", "DeleteListener", "CreateListener", "ModifyLoadBalancerAttributes"], writes);

        var client = new ElbV2Client(session.ElbV2);
        var lb = (await client.DescribeLoadBalancerAsync("webshopacme", default))!;
        var listener = Assert.Single(await client.DescribeListenersAsync(lb.LoadBalancerArn, default));
        Assert.Equal((443, "HTTPS", certificate), (listener.Port, listener.Protocol, listener.CertificateArn));
        var group = (await client.DescribeTargetGroupAsync("webshopacme", default))!;
        Assert.Equal(new V2HealthCheck("HTTP", "8080", "/ready", 15, 5, 3, 2), group.HealthCheck);
        var groupAttributes = await client.DescribeTargetGroupAttributesAsync(group.TargetGroupArn, default);
        Assert.Equal(("true", "app_cookie", "JSESSIONID"), (groupAttributes["stickiness.enabled"], groupAttributes["stickiness.type"], groupAttributes["stickiness.app_cookie.cookie_name"]));

        Assert.Equal((Verbs.Unchanged, Verbs.Unchanged), (after.Verb, again.Verb));
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Network_load_balancer_gets_cross_zone_and_a_tcp_target_group_and_is_then_unchanged()
    {
        const string region = "eu-west-2";
        var log = new CallLog();
        var resource = new LoadBalancerResource(AwsTestClients.Builder(moto.Url, log));
        var session = AwsTestClients.Session(moto.Url, region: region);
        await LoadBalancerSeed.AccountAsync(session, purpose: "external", cidrPrefix: "10.90");
        var ctx = ExampleStage.Context("dev", region, edit: s =>
        {
            var elb = s["elb"]!.AsObject();
            elb["type"] = "network";
            elb["subnet_purpose"] = "external";
            elb["target"] = "TCP:8080";
            elb["ports"] = new JsonArray(new JsonObject { ["loadbalancer"] = "TCP:443", ["instance"] = "TCP:8080" });
        });

        var first = Assert.Single((await resource.ConvergeAsync(ctx, default)).Changes);
        log.Clear();
        var second = Assert.Single((await resource.ConvergeAsync(ctx, default)).Changes);

        Assert.Equal(Verbs.Created, first.Verb);
        var client = new ElbV2Client(session.ElbV2);
        var lb = (await client.DescribeLoadBalancerAsync("webshopacme", default))!;
        Assert.Equal(("network", "internet-facing"), (lb.Type, lb.Scheme));
        Assert.Equal("true", (await client.DescribeLoadBalancerAttributesAsync(lb.LoadBalancerArn, default))["load_balancing.cross_zone.enabled"]);
        var group = (await client.DescribeTargetGroupAsync("webshopacme", default))!;
        Assert.Equal(("TCP", 8080, "TCP", (string?)null), (group.Protocol, group.Port, group.HealthCheck.Protocol, group.HealthCheck.Path));
        Assert.Equal(Verbs.Unchanged, second.Verb);
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Lookup_finds_the_application_load_balancer_with_its_zone_and_target_group()
    {
        const string region = "sa-east-1";
        var session = AwsTestClients.Session(moto.Url, region: region);
        await LoadBalancerSeed.AccountAsync(session, cidrPrefix: "10.100");
        await new LoadBalancerResource(AwsTestClients.Builder(moto.Url)).ConvergeAsync(Application(region), default);

        var found = await LoadBalancerLookup.FindAsync(session, "webshopacme");
        var asClassic = await LoadBalancerLookup.FindAsync(session, "webshopacme", "classic");

        Assert.NotNull(found);
        var group = (await new ElbV2Client(session.ElbV2).DescribeTargetGroupAsync("webshopacme", default))!;
        Assert.Equal(("application", true, group.TargetGroupArn), (found.Type, found.Internal, found.TargetGroupArn));
        Assert.Equal("Z2P70J7EXAMPLE", found.CanonicalHostedZoneId);
        Assert.Null(asClassic);
    }

    [Fact]
    public async Task Dry_run_on_an_empty_account_reports_target_group_load_balancer_and_listener_and_makes_no_write()
    {
        const string region = "eu-west-1";
        var log = new CallLog();
        var resource = new LoadBalancerResource(AwsTestClients.Builder(moto.Url, log));
        var session = AwsTestClients.Session(moto.Url, region: region);
        await AccountSeed.NetworkAsync(session.Ec2, region, "vpc", "internal", "10.110");

        var change = Assert.Single((await resource.ConvergeAsync(Application(region) with { DryRun = true }, default)).Changes);

        Assert.Equal(Verbs.WouldCreate, change.Verb);
        Assert.StartsWith("target group webshopacme HTTP:8080; internal application load balancer in ", change.Detail);
        Assert.Contains("listener HTTP:80 added", change.Detail);
        Assert.Empty(log.Writes);
        Assert.Null(await new ElbV2Client(session.ElbV2).DescribeLoadBalancerAsync("webshopacme", default));
    }

    [Fact]
    public async Task Permission_error_is_one_line_naming_resource_operation_and_aws_code_without_retry()
    {
        const string region = "ca-central-1";
        var seed = AwsTestClients.Session(moto.Url, region: region);
        await LoadBalancerSeed.AccountAsync(seed, cidrPrefix: "10.120");
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.AccessDenied, 5, c => c.Operation == "CreateTargetGroup");
        var resource = new LoadBalancerResource(AwsTestClients.Builder(proxy.Url));

        var error = await Assert.ThrowsAsync<AwsOperationException>(() => resource.ConvergeAsync(Application(region), default));

        Assert.Equal(
            "loadbalancer webshopacme: CreateTargetGroup failed: AccessDenied: User: arn:aws:iam::123456789012:user/deployer is not authorized to perform this action",
            error.Message);
        Assert.Single(proxy.Calls, c => c.Operation == "CreateTargetGroup");
        Assert.DoesNotContain(proxy.Calls, c => c.Operation == "CreateLoadBalancer");
    }
}
