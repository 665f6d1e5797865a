using Amazon.EC2.Model;
using Foremast.Aws.Lookups;
using Foremast.Aws.Tests.Support;

namespace Foremast.Aws.Tests.Lookups;

/// <summary>The generator's facts read from the account, for the README example (base tomcat8; dev in us-east-1, stage and prod also in us-west-2).</summary>
public sealed class AwsEnvironmentLookupsTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Reads_zones_of_the_named_vpc_the_newest_base_image_and_account_ids()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var ec2 = AwsTestClients.Session(moto.Url, region: "us-east-1").Ec2;
        await AccountSeed.NetworkAsync(ec2, "us-east-1", vpcName: "vpc", cidrPrefix: "10.90");
        // Another VPC's tagged subnets in a third zone must not add it.
        await OtherVpcSubnetAsync(ec2, "us-east-1c");
        var older = await ImageAsync(ec2, "tomcat8-2026.10");
        await Task.Delay(1100);
        var newer = await ImageAsync(ec2, "tomcat8-2026.11");
        await ImageAsync(ec2, "nginx-2026.12");
        log.Clear();

        var lookups = await new AwsEnvironmentLookups(clients).ForAsync(ExampleStage.Config);

        Assert.Equal(["us-east-1a", "us-east-1b"], lookups.AvailabilityZones("dev", "us-east-1"));
        Assert.Equal(["us-east-1a", "us-east-1b"], lookups.AvailabilityZones("prod", "us-east-1"));
        Assert.Null(lookups.AvailabilityZones("stage", "us-west-2"));
        Assert.NotEqual(older, newer);
        Assert.Equal(newer, lookups.AmiId("us-east-1", "tomcat8"));
        Assert.Null(lookups.AmiId("us-west-2", "tomcat8"));
        Assert.Null(lookups.AmiId("us-east-1", "nginx"));
        Assert.Equal("123456789012", lookups.AccountId("dev"));
        Assert.Empty(lookups.Pipelines(ExampleStage.App));
        Assert.Empty(log.Writes);
    }

    private static async Task<string> ImageAsync(Amazon.EC2.IAmazonEC2 ec2, string name) =>
        (await ec2.RegisterImageAsync(new RegisterImageRequest { Name = name, RootDeviceName = "/dev/xvda", Architecture = Amazon.EC2.ArchitectureValues.X86_64, VirtualizationType = "hvm" })).ImageId;

    private static async Task OtherVpcSubnetAsync(Amazon.EC2.IAmazonEC2 ec2, string zone)
    {
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.91.0.0/16" })).Vpc.VpcId;
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc], Tags = [new Tag("Name", "legacy")] });
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.91.1.0/24", AvailabilityZone = zone })).Subnet.SubnetId;
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [subnet], Tags = [new Tag("immutable_metadata", "{\"purpose\": \"internal\", \"target\": \"ec2\"}")] });
    }
}
