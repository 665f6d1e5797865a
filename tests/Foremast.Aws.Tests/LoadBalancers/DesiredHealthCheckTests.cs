using Foremast.Aws.LoadBalancers.Desired;
using Foremast.Core.Config.Settings;

namespace Foremast.Aws.Tests.LoadBalancers;

public sealed class DesiredHealthCheckTests
{
    [Theory]
    [InlineData("HTTP:8080/health", "HTTP:8080/health")]
    [InlineData("HTTP:8080", "HTTP:8080/healthcheck")]
    [InlineData("HTTP:8080/", "HTTP:8080/")]
    [InlineData("https:8443/a/b", "HTTPS:8443/a/b")]
    [InlineData("TCP:8080", "TCP:8080")]
    [InlineData("SSL:8443", "SSL:8443")]
    public void Target_is_split_as_foremasts_splay_health(string configured, string target)
    {
        Assert.Equal(target, DesiredHealthCheck.From(configured, HealthSettings.Default).Target);
    }

    [Fact]
    public void Timing_comes_from_the_health_block()
    {
        var check = DesiredHealthCheck.From("TCP:8080", new HealthSettings(Interval: 30, Threshold: 3, Timeout: 5, UnhealthyThreshold: 4));

        Assert.Equal((30, 5, 3, 4), (check.Interval, check.Timeout, check.HealthyThreshold, check.UnhealthyThreshold));
    }

    [Fact]
    public void Target_without_a_port_names_the_key()
    {
        var error = Assert.Throws<FormatException>(() => DesiredHealthCheck.From("HTTP:web/health", HealthSettings.Default));

        Assert.Equal("$.elb.target: expected \"PROTO:PORT[/path]\" such as \"HTTP:8080/health\", got \"HTTP:web/health\"", error.Message);
    }

    [Theory]
    [InlineData("app", "JSESSIONID", null, "webshopacme-app-443-JSESSIONID")]
    [InlineData("elb", null, 300, "webshopacme-elb-443-300")]
    [InlineData("elb", null, null, "webshopacme-elb-443-session")]
    public void Stickiness_policy_names_follow_foremast(string type, string? cookie, int? ttl, string name)
    {
        Assert.Equal(name, DesiredStickiness.For("webshopacme", 443, type, cookie, ttl).PolicyName);
    }
}
