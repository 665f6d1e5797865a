using System.Text.Json.Nodes;
using System.Xml.Linq;
using Foremast.Aws.Converge;
using Foremast.Aws.Dns;
using Foremast.Aws.Dns.Route53;
using Foremast.Aws.LoadBalancers;
using Foremast.Aws.Tests.Support;
using Foremast.Workflows.Activities.Interfaces;
using Xunit.Abstractions;

namespace Foremast.Aws.Tests.Dns;

public sealed class DnsResourceTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>Network, the app's group, the load balancer and the env's zones: what runs before DNS.</summary>
    private async Task<(AwsSession Session, SeededZones Zones, LoadBalancerInfo Lb)> PrepareAsync(AwsStageContext ctx, string purpose, string cidrPrefix)
    {
        var session = AwsTestClients.Session(moto.Url, env: ctx.Env, region: ctx.Region);
        var (network, _) = await LoadBalancerSeed.AccountAsync(session, purpose, cidrPrefix);
        await new LoadBalancerResource(AwsTestClients.Builder(moto.Url)).ConvergeAsync(ctx, default);
        var zones = await DnsSeed.ZonesAsync(session, $"{ctx.Env}.{ctx.Global.Domain}", network.VpcId);
        return (session, zones, (await LoadBalancerLookup.FindAsync(session, ExampleStage.App))!);
    }

    private static async Task<IReadOnlyList<ResourceRecordSet>> RecordsAsync(AwsSession session, string zoneId, string name, string type) =>
        await new Route53Client(session.Route53).ListResourceRecordSetsAsync(new HostedZone(zoneId, "", false), name, type, default);

    [Fact]
    public async Task Example_dev_gets_region_and_generic_cnames_in_the_private_zone_and_a_second_run_makes_no_write()
    {
        var ctx = ExampleStage.Context("dev", "us-east-1").WithDomain("one.test");
        var (session, zones, lb) = await PrepareAsync(ctx, "internal", "10.10");
        var log = new CallLog();
        var dns = new DnsResource(AwsTestClients.Builder(moto.Url, log));

        var first = await dns.ConvergeAsync(ctx, default);
        var firstCalls = log.Calls.Select(c => c.Operation).ToList();
        log.Clear();
        var second = await dns.ConvergeAsync(ctx, default);

        Assert.Equal(
            [(Verbs.Created, "dns", "webshop.acme.us-east-1.dev.one.test"), (Verbs.Created, "dns", "webshop.acme.dev.one.test")],
            first.Changes.Select(c => (c.Verb, c.Kind, c.Name)));
        foreach (var name in new[] { "webshop.acme.us-east-1.dev.one.test", "webshop.acme.dev.one.test" })
        {
            var record = Assert.Single(await RecordsAsync(session, zones.Private, name, "CNAME"));
            Assert.Equal((60L, lb.DnsName), (record.TTL, Assert.Single(record.Values)));
            Assert.Empty(await RecordsAsync(session, zones.Public, name, "CNAME"));
        }

        Assert.All(second.Changes, c => Assert.Equal(Verbs.Unchanged, c.Verb));
        Assert.Empty(log.Writes);
        output.WriteLine($"dns first: {firstCalls.Count} calls ({string.Join(", ", firstCalls)}); second: {log.Calls.Count} calls, 0 writes");
    }

    [Fact]
    public async Task Ttl_and_value_changes_are_upserted_and_dry_runs_report_them_before_and_nothing_after()
    {
        var ctx = ExampleStage.Context("dev", "us-east-1").WithDomain("two.test").InRegion("us-west-2");
        var (session, zones, lb) = await PrepareAsync(ctx, "internal", "10.20");
        var log = new CallLog();
        var dns = new DnsResource(AwsTestClients.Builder(moto.Url, log));
        await dns.ConvergeAsync(ctx, default);
        // Someone pointed the record elsewhere by hand; the config also asks for a longer TTL now.
        await new Route53Client(session.Route53).ChangeResourceRecordSetsAsync(
            new HostedZone(zones.Private, "", true),
            [new RecordChange("UPSERT", new ResourceRecordSet("webshop.acme.us-west-2.dev.two.test", "CNAME", 60, ["elsewhere.example.net"]))], "by hand", default);
        var changed = ExampleStage.Context("dev", "us-west-2", edit: s => s["dns"] = new JsonObject { ["ttl"] = 300 }).WithDomain("two.test");

        var before = Assert.Single((await dns.ConvergeAsync(changed with { DryRun = true }, default)).Changes);
        log.Clear();
        var applied = Assert.Single((await dns.ConvergeAsync(changed, default)).Changes);
        var writes = log.Writes.Select(w => w.Operation).ToList();
        var after = Assert.Single((await dns.ConvergeAsync(changed with { DryRun = true }, default)).Changes);
        log.Clear();
        var again = Assert.Single((await dns.ConvergeAsync(changed, default)).Changes);

        Assert.Equal((Verbs.WouldUpdate, "webshop.acme.us-west-2.dev.two.test"), (before.Verb, before.Name));
        Assert.Equal($"value elsewhere.example.net → {lb.DnsName}, TTL 60 → 300 in dev.two.test (private)", before.Detail);
        Assert.Equal((Verbs.Updated, before.Detail), (applied.Verb, applied.Detail));
        Assert.Equal(["ChangeResourceRecordSets"], writes);
        var record = Assert.Single(await RecordsAsync(session, zones.Private, "webshop.acme.us-west-2.dev.two.test", "CNAME"));
        Assert.Equal((300L, lb.DnsName), (record.TTL, Assert.Single(record.Values)));
        Assert.Equal((Verbs.Unchanged, Verbs.Unchanged), (after.Verb, again.Verb));
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Multi_region_env_gets_region_cnames_and_failover_aliases_in_private_and_public_zones_replacing_the_old_cname()
    {
        // prod spans two regions and is external; plain HTTP keeps moto's certificate check out of it. Regions of their own keep
        // this test's load balancers apart from the others' in the shared moto.
        AwsStageContext Prod(string region) => ExampleStage.Context("prod", region, edit: s =>
        {
            s["elb"]!.AsObject()["ports"] = new JsonArray(new JsonObject { ["loadbalancer"] = "HTTP:80", ["instance"] = "HTTP:8080" });
            s["regions"] = new JsonObject { ["eu-west-3"] = new JsonObject(), ["eu-north-1"] = new JsonObject() };
        }).WithDomain("three.test").WithPrimaryRegion("eu-west-3");
        var east = Prod("eu-west-3");
        var west = Prod("eu-north-1");
        var (session, zones, eastLb) = await PrepareAsync(east, "external", "10.30");
        var westSession = AwsTestClients.Session(moto.Url, env: "prod", region: "eu-north-1");
        await LoadBalancerSeed.AccountAsync(westSession, "external", "10.31");
        await new LoadBalancerResource(AwsTestClients.Builder(moto.Url)).ConvergeAsync(west, default);
        // The single-region CNAME Foremast left on the generic name before prod had a second region.
        await new Route53Client(session.Route53).ChangeResourceRecordSetsAsync(
            new HostedZone(zones.Public, "", false),
            [new RecordChange("UPSERT", new ResourceRecordSet("webshop.acme.prod.three.test", "CNAME", 60, [eastLb.DnsName]))], "old", default);
        var log = new CallLog();
        var dns = new DnsResource(AwsTestClients.Builder(moto.Url, log));

        var eastChanges = (await dns.ConvergeAsync(east, default)).Changes;
        var westChanges = (await dns.ConvergeAsync(west, default)).Changes;
        log.Clear();
        var rerun = (await dns.ConvergeAsync(east, default)).Changes.Concat((await dns.ConvergeAsync(west, default)).Changes).ToList();

        Assert.Equal(
            [(Verbs.Created, "webshop.acme.eu-west-3.prod.three.test"), (Verbs.Created, "webshop.acme.prod.three.test")],
            eastChanges.Select(c => (c.Verb, c.Name)));
        Assert.Contains("CNAME " + eastLb.DnsName + " replaced", eastChanges[1].Detail);
        Assert.Equal(Verbs.Created, westChanges[1].Verb);
        foreach (var zone in new[] { zones.Private, zones.Public })
        {
            Assert.Single(await RecordsAsync(session, zone, "webshop.acme.eu-north-1.prod.three.test", "CNAME"));
            Assert.Empty(await RecordsAsync(session, zone, "webshop.acme.prod.three.test", "CNAME"));
            var aliases = (await RecordsAsync(session, zone, "webshop.acme.prod.three.test", "A")).OrderBy(r => r.Failover).ToList();
            Assert.Equal(
                [("webshop.acme.prod.three.test-PRIMARY", "PRIMARY", "Z3Q77PNBQS71R4"), ("webshop.acme.prod.three.test-SECONDARY", "SECONDARY", "Z23TAZ7KLA5Y7Y")],
                aliases.Select(a => (a.SetIdentifier!, a.Failover!, a.AliasTarget!.HostedZoneId)));
            Assert.All(aliases, a => Assert.StartsWith("dualstack.", a.AliasTarget!.DNSName));
        }

        Assert.All(rerun, c => Assert.Equal(Verbs.Unchanged, c.Verb));
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Secondary_failover_record_is_refused_when_no_region_of_the_env_is_the_primary_region_until_a_primary_exists()
    {
        // prod in two regions, neither of them primary_region (us-east-1 by default): every region would write a SECONDARY.
        var ctx = ExampleStage.Context("prod", "ap-southeast-1", edit: s =>
        {
            s["elb"]!.AsObject()["ports"] = new JsonArray(new JsonObject { ["loadbalancer"] = "HTTP:80", ["instance"] = "HTTP:8080" });
            s["regions"] = new JsonObject { ["ap-southeast-1"] = new JsonObject(), ["ap-southeast-2"] = new JsonObject() };
        }).WithDomain("five.test");
        var (session, zones, lb) = await PrepareAsync(ctx, "external", "10.35");
        var log = new CallLog();
        var dns = new DnsResource(AwsTestClients.Builder(moto.Url, log));

        var refused = await Assert.ThrowsAsync<AwsOperationException>(() => dns.ConvergeAsync(ctx, default));
        var dryRefused = await Assert.ThrowsAsync<AwsOperationException>(() => dns.ConvergeAsync(ctx with { DryRun = true }, default));

        Assert.Equal(
            "dns webshopacme: SECONDARY failover record webshop.acme.prod.five.test in prod.five.test (public) has no PRIMARY: pipeline.json primary_region is \"us-east-1\", " +
            "which is not one of the regions of application-master-prod.json (ap-southeast-1, ap-southeast-2), so no region writes the PRIMARY failover record; " +
            "add it to regions, set primary_region to one of them, or set dns.failover_dns to false",
            refused.Message);
        Assert.Equal(refused.Message, dryRefused.Message);
        Assert.Empty(log.Writes);

        // A PRIMARY made elsewhere (by hand, another config) is enough: then the SECONDARY joins it.
        foreach (var zone in new[] { zones.Private, zones.Public })
        {
            await new Route53Client(session.Route53).ChangeResourceRecordSetsAsync(new HostedZone(zone, "", false),
                [new RecordChange("UPSERT", new ResourceRecordSet("webshop.acme.prod.five.test", "A", null, [], new AliasTarget(lb.CanonicalHostedZoneId, "dualstack." + lb.DnsName, true), "by-hand", "PRIMARY"))],
                "by hand", default);
        }

        var applied = (await dns.ConvergeAsync(ctx, default)).Changes;
        Assert.Equal(Verbs.Created, applied.Single(c => c.Name == "webshop.acme.prod.five.test").Verb);
        Assert.Contains(await RecordsAsync(session, zones.Public, "webshop.acme.prod.five.test", "A"), r => r.Failover == "SECONDARY");
    }

    [Fact]
    public async Task Missing_load_balancer_fails_with_one_line_but_a_dry_run_reports_would_create()
    {
        var ctx = ExampleStage.Context("dev", "eu-west-1").WithDomain("four.test");
        var session = AwsTestClients.Session(moto.Url, region: "eu-west-1");
        var network = await AccountSeed.NetworkAsync(session.Ec2, "eu-west-1", "vpc", "internal", "10.40");
        await DnsSeed.ZonesAsync(session, "dev.four.test", network.VpcId);
        var log = new CallLog();
        var dns = new DnsResource(AwsTestClients.Builder(moto.Url, log));

        var error = await Assert.ThrowsAsync<AwsOperationException>(() => dns.ConvergeAsync(ctx, default));
        var dry = await dns.ConvergeAsync(ctx with { DryRun = true }, default);

        Assert.Equal("dns webshopacme: no classic load balancer webshopacme in env dev, region eu-west-1; the load balancer step creates it before DNS", error.Message);
        Assert.Equal([Verbs.WouldCreate], dry.Changes.Select(c => c.Verb).Distinct());
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Permission_error_on_the_change_batch_is_one_line_without_retry()
    {
        var ctx = ExampleStage.Context("dev", "us-east-1").WithDomain("five.test").InRegion("eu-central-1");
        await PrepareAsync(ctx, "internal", "10.50");
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.AccessDenied, 5, c => c.Service == "route53" && c.Method == "POST");
        var dns = new DnsResource(AwsTestClients.Builder(proxy.Url));

        var error = await Assert.ThrowsAsync<AwsOperationException>(() => dns.ConvergeAsync(ctx, default));

        Assert.Equal(
            "dns webshopacme: ChangeResourceRecordSets failed: AccessDenied: User: arn:aws:iam::123456789012:user/deployer is not authorized to perform this action",
            error.Message);
        Assert.Single(proxy.Calls, c => c.Service == "route53" && c.Method == "POST");
    }

    [Fact]
    public async Task Seeding_zones_twice_reuses_them()
    {
        var session = AwsTestClients.Session(moto.Url, region: "ap-south-1");
        var network = await AccountSeed.NetworkAsync(session.Ec2, "ap-south-1", "vpc", "internal", "10.60");

        var first = await DnsSeed.ZonesAsync(session, "dev.six.test", network.VpcId);
        var second = await DnsSeed.ZonesAsync(session, "dev.six.test", network.VpcId);

        Assert.Equal(first, second);
        Assert.NotEqual(first.Public, first.Private);
        var zones = await new Route53Client(session.Route53).ListHostedZonesByNameAsync("dev.six.test", default);
        Assert.Equal([false, true], zones.Where(z => z.Name == "dev.six.test").Select(z => z.PrivateZone).Order());
    }
}
