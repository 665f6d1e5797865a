using Foremast.Aws.SecurityGroups;
using Foremast.Core.Config.Settings;

namespace Foremast.Aws.Tests.SecurityGroups;

public sealed class SgDesiredTests
{
    private static SecurityGroupRuleSetting Rule(string source, int port = 22, string protocol = "tcp", string? env = null) =>
        new(source, port, port, protocol, env, "application-master-dev.json", "$.security_group.ingress");

    [Fact]
    public void Self_becomes_the_apps_group()
    {
        var rules = SgDesired.Prepare([Rule("$self", 8080)], "webshopacme", new Dictionary<string, string>());

        Assert.Equal("webshopacme", rules.Single().Source);
    }

    [Fact]
    public void Alias_named_next_to_its_group_counts_as_that_group()
    {
        var replacements = new Dictionary<string, string> { ["office"] = "office-legacy" };

        var both = SgDesired.Prepare([Rule("office"), Rule("office-legacy", 443)], "app", replacements);
        var aliasOnly = SgDesired.Prepare([Rule("office-legacy", 443)], "app", replacements);

        Assert.Equal([("office", 22), ("office", 443)], both.Select(r => (r.Source, r.StartPort)));
        Assert.Equal(["office-legacy"], aliasOnly.Select(r => r.Source));
    }

    [Fact]
    public void Rules_that_differ_only_in_spelling_are_one_rule()
    {
        var peers = new Dictionary<(string, string), SgPeer> { [("dev", "bastion")] = new("bastion", "sg-1", "123456789012", "vpc-1") };

        var rules = SgDesired.Resolve([Rule("10.0.0.0/8", protocol: "TCP"), Rule("10.0.0.0/8", protocol: "6"), Rule("bastion"), Rule("bastion", protocol: "tcp")], "dev", peers);

        Assert.Equal([new SgRuleKey("tcp", 22, 22, "10.0.0.0/8"), new SgRuleKey("tcp", 22, 22, "sg-1")], rules.Select(r => r.Key));
    }

    [Fact]
    public void All_traffic_ignores_ports_as_ec2_does()
    {
        var rules = SgDesired.Resolve([new SecurityGroupRuleSetting("0.0.0.0/0", 0, 65535, "all", null, "f", "$")], "dev", new Dictionary<(string, string), SgPeer>());

        Assert.Equal(new SgRuleKey("-1", -1, -1, "0.0.0.0/0"), rules.Single().Key);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("192.168.1.7", "192.168.1.7/32")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("10.0.0.1/8", null)]
    [InlineData("10.0.0/8", null)]
    public void Cidrs_are_canonical_or_refused(string text, string? expected)
    {
        Assert.Equal(expected, SgProtocols.Cidr(text));
    }

    [Fact]
    public void Cross_env_rule_is_shown_with_its_env_and_written_with_the_peers_account_and_vpc()
    {
        var peers = new Dictionary<(string, string), SgPeer> { [("stage", "monitoring")] = new("monitoring", "sg-9", "210987654321", "vpc-9") };

        var rule = SgDesired.Resolve([Rule("monitoring", 9100, env: "stage")], "dev", peers).Single();

        Assert.Equal(("tcp 9100 from monitoring (stage)", "210987654321", "vpc-9"), (rule.Describe(egress: false), rule.PeerAccount, rule.PeerVpc));
    }
}
