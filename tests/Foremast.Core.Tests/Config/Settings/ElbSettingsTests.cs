using System.Text.Json;
using Foremast.Core.Config;
using Foremast.Core.Config.Settings;
using Foremast.Tests.Shared;

namespace Foremast.Core.Tests.Config.Settings;

public sealed class ElbSettingsTests
{
    private static ElbSettings Parse(string json) => ElbSettings.From(JsonElement.Parse(json));

    [Fact]
    public void Absent_block_means_foremasts_classic_internal_elb_with_the_legacy_listener()
    {
        var elb = Parse("{}");

        Assert.True(elb.IsClassic);
        Assert.True(elb.IsInternal);
        Assert.Equal("TCP:8080", elb.Target);
        Assert.Equal(new HealthSettings(20, 2, 10, 5), elb.EffectiveHealth);
        var listener = Assert.Single(elb.EffectiveListeners());
        Assert.Equal(("HTTP:80", "HTTP:8080"), (listener.Loadbalancer, listener.Instance));
    }

    [Fact]
    public void Ports_replace_the_legacy_keys_and_carry_certificate_policies_and_stickiness()
    {
        var elb = Parse("""
            {"elb": {"type": "application", "subnet_purpose": "external", "lb_port": 8000, "i_port": 9000, "i_proto": "TCP",
             "ports": [{"loadbalancer": "HTTPS:443", "instance": "HTTP:8080", "certificate": "wildcard",
                        "policies": ["a"], "listener_policies": ["b"], "backend_policies": ["c"],
                        "stickiness": {"type": "elb", "cookie_ttl": 300}}],
             "health": {"interval": 30}, "idle_timeout": 120, "connection_draining_timeout": 30,
             "access_log": {"bucket_name": "logs", "bucket_prefix": "elb", "emit_interval": 5}}}
            """);

        Assert.Equal(("application", false, false), (elb.EffectiveType, elb.IsClassic, elb.IsInternal));
        var listener = Assert.Single(elb.EffectiveListeners());
        Assert.Equal(("HTTPS:443", "HTTP:8080", "wildcard"), (listener.Loadbalancer, listener.Instance, listener.Certificate));
        Assert.Equal(["a", "b"], listener.AllListenerPolicies);
        Assert.Equal(["c"], listener.BackendPolicies!);
        Assert.Equal(new ElbStickinessSettings("elb", null, 300), listener.Stickiness);
        Assert.Equal(new HealthSettings(30, 2, 10, 5), elb.EffectiveHealth);
        Assert.Equal((120, 30), (elb.IdleTimeout, elb.ConnectionDrainingTimeout));
        Assert.True(elb.AccessLog!.Enabled);
    }

    [Fact]
    public void Legacy_keys_make_the_single_listener_with_their_certificate_and_policies()
    {
        var elb = Parse("""{"elb": {"lb_proto": "SSL", "lb_port": 443, "i_proto": "TCP", "i_port": 7001, "certificate": "arn:aws:iam::1:server-certificate/x", "policies": ["p"]}}""");

        var listener = Assert.Single(elb.EffectiveListeners());
        Assert.Equal(("SSL:443", "TCP:7001", "arn:aws:iam::1:server-certificate/x"), (listener.Loadbalancer, listener.Instance, listener.Certificate));
        Assert.Equal(["p"], listener.AllListenerPolicies);
    }

    [Fact]
    public void Empty_access_log_object_means_no_access_logs()
    {
        Assert.False(Parse("""{"elb": {"access_log": {}}}""").AccessLog!.Enabled);
    }

    [Fact]
    public void Wrong_shape_names_the_json_path()
    {
        var error = Assert.Throws<StageSettingsException>(() => Parse("""{"elb": {"ports": [{"loadbalancer": "HTTP:80", "instance": "HTTP:8080", "stickiness": "yes"}]}}"""));

        Assert.StartsWith("$.elb.ports[0].stickiness:", error.Message);
    }

    [Fact]
    public void Merged_example_env_reads_with_defaults_filled_in()
    {
        var snapshot = RunwayLoader.Load(new LoadRequest(Path.Combine(Fixtures.Examples, "runway"), Path.Combine(Fixtures.Examples, "foremast-config.json"), "acme", "webshop")).SnapshotOrThrow();

        var prod = ElbSettings.From(snapshot.SettingsFor("prod", "us-west-2"));
        var dns = DnsSettings.From(snapshot.SettingsFor("prod", "us-west-2"));

        Assert.Equal(("external", "HTTP:8080/health", null, null), (prod.SubnetPurpose, prod.Target, prod.IdleTimeout, prod.ConnectionDrainingTimeout));
        Assert.Equal("arn:aws:iam::333333333333:server-certificate/webshop-example", Assert.Single(prod.EffectiveListeners()).Certificate);
        Assert.Equal(new DnsSettings(60, true, true), dns);
    }

    [Fact]
    public void Dns_block_overrides_foremasts_defaults()
    {
        Assert.Equal(new DnsSettings(300, false, true), DnsSettings.From(JsonElement.Parse("""{"dns": {"ttl": 300, "failover_dns": false}}""")));
        Assert.Equal(DnsSettings.Default, DnsSettings.From(JsonElement.Parse("{}")));
    }
}
