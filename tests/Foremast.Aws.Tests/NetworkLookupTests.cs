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
        var ec2 = await lookup.SubnetsAsync("external", "ec2");
        var elb = await lookup.SubnetsAsync("external", "elb");

        Assert.Equal(seeded.VpcId, vpc);
        Assert.Equal(seeded.Ec2Subnets.Order(), ec2.Select(s => s.SubnetId).Order());
        Assert.Equal(seeded.ElbSubnets.Order(), elb.Select(s => s.SubnetId).Order());
        Assert.Equal(["us-west-2a", "us-west-2b"], ec2.Select(s => s.AvailabilityZone));
    }

    [Fact]
    public async Task No_matching_subnet_names_env_region_purpose_and_target()
    {
        var session = AwsTestClients.Session(moto.Url, env: "qa", region: "eu-west-1");

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => new NetworkLookup(session).SubnetsAsync("internal", "elb"));

        Assert.StartsWith("no subnet for env qa, region eu-west-1, purpose internal, target elb:", error.Message);
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

        var subnets = await new NetworkLookup(session).SubnetsAsync("internal", "ec2");

        Assert.Equal([seeded.ElbSubnets[0]], subnets.Select(s => s.SubnetId));
    }

    [Fact]
    public async Task Missing_vpc_is_a_clear_error()
    {
        var session = AwsTestClients.Session(moto.Url, region: "ap-south-1");

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => new NetworkLookup(session).VpcIdAsync("no-such-vpc"));

        Assert.Equal("no VPC tagged Name=no-such-vpc in env dev, region ap-south-1 (base.vpc_name)", error.Message);
    }
}
