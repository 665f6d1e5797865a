using Foremast.Aws.Network;
using Foremast.Aws.Tests.Support;
using Foremast.Core.Config.Aws;

namespace Foremast.Aws.Tests;

public sealed class NetworkLookupTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Finds_the_vpc_by_name_and_subnets_by_spinnaker_metadata_tag()
    {
        var session = AwsTestClients.Session(moto.Url, region: "us-west-2");
        var seeded = await AccountSeed.NetworkAsync(session.Ec2, "us-west-2", vpcName: "lookup-vpc", purpose: "external", cidrPrefix: "10.20");
        var lookup = new NetworkLookup(session);

        var vpc = await lookup.VpcIdAsync("lookup-vpc");
        var ec2 = await lookup.SubnetsAsync("external", "ec2", "lookup-vpc");
        var elb = await lookup.SubnetsAsync("external", "elb", "lookup-vpc");

        Assert.Equal(seeded.VpcId, vpc);
        Assert.Equal(seeded.Ec2Subnets.Order(), ec2.Select(s => s.SubnetId).Order());
        Assert.Equal(seeded.ElbSubnets.Order(), elb.Select(s => s.SubnetId).Order());
        Assert.Equal(["us-west-2a", "us-west-2b"], ec2.Select(s => s.AvailabilityZone));
    }

    [Fact]
    public async Task No_matching_subnet_names_env_region_purpose_and_target()
    {
        var session = AwsTestClients.Session(moto.Url, env: "qa", region: "eu-west-1");
        await AccountSeed.NetworkAsync(session.Ec2, "eu-west-1", vpcName: "vpc", purpose: "external", cidrPrefix: "10.25");

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => new NetworkLookup(session).SubnetsAsync("internal", "elb", "vpc"));

        Assert.StartsWith("no subnet for env qa, region eu-west-1, purpose internal, target elb in VPC vpc:", error.Message);
    }

    [Fact]
    public async Task Configured_subnet_list_overrides_the_tag_lookup()
    {
        var seedSession = AwsTestClients.Session(moto.Url, region: "eu-central-1");
        var seeded = await AccountSeed.NetworkAsync(seedSession.Ec2, "eu-central-1", vpcName: "override-vpc", cidrPrefix: "10.30");
        var settings = AwsSettings.Empty with
        {
            Subnets = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>>
            {
                ["dev"] = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>
                {
                    ["eu-central-1"] = new Dictionary<string, IReadOnlyList<string>> { ["ec2"] = [seeded.ElbSubnets[0]] },
                },
            },
        };
        var session = AwsTestClients.Builder(moto.Url).Session(new AwsTarget("dev", "eu-central-1", false, settings));

        var subnets = await new NetworkLookup(session).SubnetsAsync("internal", "ec2", "override-vpc");

        Assert.Equal([seeded.ElbSubnets[0]], subnets.Select(s => s.SubnetId));
    }

    [Fact]
    public async Task Only_subnets_of_the_vpc_named_by_base_vpc_name_are_used_when_another_vpc_has_tagged_subnets_too()
    {
        var session = AwsTestClients.Session(moto.Url, region: "us-east-2");
        var wanted = await AccountSeed.NetworkAsync(session.Ec2, "us-east-2", vpcName: "vpc", purpose: "internal", cidrPrefix: "10.70");
        var other = await AccountSeed.NetworkAsync(session.Ec2, "us-east-2", vpcName: "legacy-vpc", purpose: "internal", cidrPrefix: "10.71");
        var lookup = new NetworkLookup(session);

        var ec2 = await lookup.SubnetsAsync("internal", "ec2", "vpc");
        var legacy = await lookup.SubnetsAsync("internal", "elb", "legacy-vpc");

        Assert.Equal(wanted.Ec2Subnets.Order(), ec2.Select(s => s.SubnetId).Order());
        Assert.All(ec2, s => Assert.Equal(wanted.VpcId, s.VpcId));
        Assert.Equal(other.ElbSubnets.Order(), legacy.Select(s => s.SubnetId).Order());
    }

    [Fact]
    public async Task Missing_vpc_is_a_clear_error()
    {
        var session = AwsTestClients.Session(moto.Url, region: "ap-south-1");

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => new NetworkLookup(session).VpcIdAsync("no-such-vpc"));

        Assert.Equal("no VPC tagged Name=no-such-vpc in env dev, region ap-south-1 (base.vpc_name)", error.Message);
    }
}
