using System.Text.Json;
using Amazon.EC2.Model;
using Foremast.Aws.Tests.Support;

namespace Foremast.Cli.Tests.Aws;

/// <summary><c>foremast generate --lookups aws</c>: the generated pipelines carry the account's AMI and subnet zones.</summary>
public sealed class GenerateAwsLookupsTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Generated_pipeline_carries_the_seeded_ami_and_the_zones_of_the_env_subnets()
    {
        var session = MotoCli.Session(moto, "dev", "us-east-1");
        await AccountSeed.NetworkAsync(session.Ec2, "us-east-1", cidrPrefix: "10.95");
        var ami = (await session.Ec2.RegisterImageAsync(new RegisterImageRequest { Name = "tomcat8-2026.11", RootDeviceName = "/dev/xvda", Architecture = Amazon.EC2.ArchitectureValues.X86_64, VirtualizationType = "hvm" })).ImageId;
        var output = Directory.CreateTempSubdirectory("foremast-generate-aws-").FullName;

        var (code, _, error) = CliRunner.Run(MotoCli.Services(moto), null, ["generate", MotoCli.Runway, .. MotoCli.Names, "--lookups", "aws", "--out", output]);

        Assert.True(code == 0, error);
        var text = File.ReadAllText(Path.Combine(output, "pipeline.us-east-1.json"));
        using var pipeline = JsonDocument.Parse(text);
        var stages = pipeline.RootElement.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(ami, stages.Single(s => s.GetProperty("type").GetString() == "bake").GetProperty("baseAmi").GetString());
        var zones = stages.Where(s => s.GetProperty("type").GetString() == "deploy")
            .SelectMany(s => s.GetProperty("clusters").EnumerateArray())
            .Select(c => c.GetProperty("availabilityZones").GetProperty("us-east-1").EnumerateArray().Select(z => z.GetString()).ToList()).ToList();
        Assert.NotEmpty(zones);
        Assert.All(zones, z => Assert.Equal(["us-east-1a", "us-east-1b"], z));

        // us-west-2 has neither subnets nor an image in this account: no env deploys there, and the base alias passes through.
        using var west = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "pipeline.us-west-2.json")));
        var westStages = west.RootElement.GetProperty("stages").EnumerateArray().ToList();
        Assert.DoesNotContain(westStages, s => s.GetProperty("type").GetString() == "deploy");
        Assert.Equal("tomcat8", westStages.Single(s => s.GetProperty("type").GetString() == "bake").GetProperty("baseAmi").GetString());
    }

    [Fact]
    public void Lookups_aws_without_an_account_configured_exits_1_with_one_line()
    {
        var output = Directory.CreateTempSubdirectory("foremast-generate-aws-").FullName;

        var (code, _, error) = CliRunner.Run(["generate", MotoCli.Runway, .. MotoCli.Names, "--lookups", "aws", "--out", output]);

        Assert.Equal(1, code);
        Assert.Equal(["error: --lookups aws: no AWS account is configured here (AWS credentials or Foremast__Aws__Enabled=true)"], CliRunner.Problems(error));
        Assert.Empty(Directory.GetFiles(output));
    }
}
