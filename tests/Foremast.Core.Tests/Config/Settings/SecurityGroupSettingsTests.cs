using System.Text.Json;
using Foremast.Core.Config.Settings;
using Foremast.Core.Validation;

namespace Foremast.Core.Tests.Config.Settings;

public sealed class SecurityGroupSettingsTests
{
    private static SecurityGroupSettings Parse(string json) => SecurityGroupSettings.From(JsonElement.Parse(json), "application-master-dev.json");

    [Fact]
    public void Bare_port_is_tcp_on_that_port_and_an_object_gives_range_protocol_and_env()
    {
        var settings = Parse("""
            {"security_group": {"ingress": {"$self": [8080], "bastion": [{"start_port": 22, "end_port": 23, "protocol": "udp", "env": "stage"}]}}}
            """);

        Assert.Equal(
            [("$self", 8080, 8080, "tcp", (string?)null), ("bastion", 22, 23, "udp", "stage")],
            settings.Ingress.Select(r => (r.Source, r.StartPort, r.EndPort, r.Protocol, r.Env)));
        Assert.Equal("application-master-dev.json: $.security_group.ingress.bastion[0]", settings.Ingress[1].Origin);
    }

    [Fact]
    public void Egress_defaults_to_all_traffic_anywhere_and_empty_string_means_none()
    {
        Assert.Equal([("0.0.0.0/0", "-1")], Parse("{}").Egress.Select(r => (r.Source, r.Protocol)));
        Assert.Empty(Parse("""{"security_group": {"egress": ""}}""").Egress);
        Assert.Equal(["10.0.0.0/8", "192.168.0.0/16"], Parse("""{"security_group": {"egress": "10.0.0.0/8, 192.168.0.0/16"}}""").Egress.Select(r => r.Source));
    }

    [Fact]
    public void Egress_may_be_rules_shaped_like_ingress()
    {
        var egress = Parse("""{"security_group": {"egress": {"10.1.0.0/16": [443]}}}""").Egress.Single();

        Assert.Equal(("10.1.0.0/16", 443, "tcp"), (egress.Source, egress.StartPort, egress.Protocol));
    }

    [Fact]
    public void Rule_of_the_wrong_shape_names_file_and_path()
    {
        var error = Assert.Throws<ConfigValidationException>(() => Parse("""{"security_group": {"ingress": {"office": ["22"], "vpn": [{"start_port": 1}]}}}"""));

        Assert.Equal(
            [
                "application-master-dev.json: $.security_group.ingress.office[0]: expected a port number from -1 to 65535 or an object {start_port, end_port, protocol, env}",
                "application-master-dev.json: $.security_group.ingress.vpn[0].end_port: expected a port number from -1 to 65535",
            ],
            error.Diagnostics.Select(d => d.ToString()));
    }
}
