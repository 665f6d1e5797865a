using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Foremast.Aws.Bake;
using Foremast.Aws.Tests.Support;
using Foremast.Workflows.Orchestrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Foremast.Aws.Tests.Bake;

public sealed class AmiBakerTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    private static readonly ArtifactRef Artifact = new("1.4.2", "https://artifacts.example.com/shop/shop-1.4.2.rpm");

    [Fact]
    public async Task Bakes_the_artifact_on_the_named_base_image_once_per_version()
    {
        const string region = "us-east-1";
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var ec2 = clients.Session(new AwsTarget("stage", region, false, Core.Config.Aws.AwsSettings.Empty)).Ec2;
        await AccountSeed.NetworkAsync(ec2, region, cidrPrefix: "10.40");
        var baseAmi = await SeedBaseImageAsync(ec2, "tomcat8-2026.11");
        var baker = new AmiBaker(clients);
        var ctx = StageContexts.For("shopacme", region, pipeline: """{"type": "ec2", "base": "tomcat8", "image": {"bake_instance_type": "t3.small"}}""");

        log.Clear();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var launched = await baker.AdvanceAsync(ctx, Artifact, "abc123", CancellationToken.None);
        output.WriteLine($"bake step 1 (launch): {log.Calls.Count} calls ({log.Writes.Count} writes), {watch.ElapsedMilliseconds} ms");
        var builder = await BuilderAsync(ec2, "shopacme/1.4.2");
        log.Clear();
        watch.Restart();
        var stillInstalling = await baker.AdvanceAsync(ctx, Artifact, "abc123", CancellationToken.None);
        output.WriteLine($"bake step 2 (installing): {log.Calls.Count} calls ({log.Writes.Count} writes), {watch.ElapsedMilliseconds} ms");
        // The builder's user data ends in a power-off when the install is done: play that part.
        await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [builder.InstanceId] });
        log.Clear();
        watch.Restart();
        var baked = await baker.AdvanceAsync(ctx, Artifact, "abc123", CancellationToken.None);
        output.WriteLine($"bake step 3 (image, terminate): {log.Calls.Count} calls ({log.Writes.Count} writes), {watch.ElapsedMilliseconds} ms");

        Assert.Equal(BakeState.Pending, launched.State);
        Assert.Equal(baseAmi, builder.ImageId);
        Assert.Equal("t3.small", builder.InstanceType.Value);
        var userData = await ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = builder.InstanceId, Attribute = "userData" });
        var script = Encoding.UTF8.GetString(Convert.FromBase64String(userData.InstanceAttribute.UserData));
        Assert.Contains("artifact_url='https://artifacts.example.com/shop/shop-1.4.2.rpm'", script);
        Assert.EndsWith("shutdown -h now\n", script);
        Assert.Equal(BakeState.Pending, stillInstalling.State);
        Assert.False(stillInstalling.Writes);
        Assert.Equal(BakeState.Available, baked.State);
        var image = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [baked.ImageId!] })).Images.Single();
        var tags = image.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("shopacme", tags["app_name"]);
        Assert.Equal("acme", tags["app_group"]);
        Assert.Equal("1.4.2", tags["appversion"]);
        Assert.Equal("abc123", tags["commit"]);
        Assert.Equal("run-1", tags["foremast:run_id"]);
        Assert.Equal(InstanceStateName.Terminated, (await BuilderAsync(ec2, "shopacme/1.4.2")).State.Name);

        // Another run of the same version finds the image and writes nothing.
        log.Clear();
        watch.Restart();
        var again = await baker.AdvanceAsync(ctx with { RunId = "run-2" }, Artifact, "abc123", CancellationToken.None);
        output.WriteLine($"bake of a baked version: {log.Calls.Count} calls ({log.Writes.Count} writes), {watch.ElapsedMilliseconds} ms");

        Assert.Equal((BakeState.Available, baked.ImageId), (again.State, again.ImageId));
        Assert.Empty(log.Writes);
        Assert.False(again.Writes);
    }

    [Fact]
    public async Task Dry_run_names_the_base_image_and_writes_nothing()
    {
        const string region = "us-west-2";
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var ec2 = clients.Session(new AwsTarget("stage", region, false, Core.Config.Aws.AwsSettings.Empty)).Ec2;
        await AccountSeed.NetworkAsync(ec2, region, cidrPrefix: "10.41");
        var baseAmi = await SeedBaseImageAsync(ec2, "base-literal");
        log.Clear();
        var ctx = StageContexts.For("dryacme", region, pipeline: $$"""{"type": "ec2", "base": "{{baseAmi}}"}""", dryRun: true);

        var progress = await new AmiBaker(clients).AdvanceAsync(ctx, Artifact, null, CancellationToken.None);

        Assert.Equal(BakeState.Available, progress.State);
        Assert.Null(progress.ImageId);
        Assert.Equal($"would bake dryacme 1.4.2 on {baseAmi} (pipeline.json base)", progress.Detail);
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Unknown_base_alias_is_a_clear_error()
    {
        var clients = AwsTestClients.Builder(moto.Url);
        var ctx = StageContexts.For("noneacme", "eu-west-1", pipeline: """{"type": "ec2", "base": "no-such-base"}""");

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => new AmiBaker(clients).AdvanceAsync(ctx, Artifact, null, CancellationToken.None));

        Assert.StartsWith("no base image for base \"no-such-base\" in env stage, region eu-west-1:", error.Message);
    }

    [Fact]
    public async Task Ami_table_at_ami_json_url_maps_the_base_alias_for_the_region()
    {
        const string region = "eu-central-1";
        var clients = AwsTestClients.Builder(moto.Url);
        var ec2 = clients.Session(new AwsTarget("stage", region, false, Core.Config.Aws.AwsSettings.Empty)).Ec2;
        var baseAmi = await SeedBaseImageAsync(ec2, "golden-2026");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGet("/amis.json", () => Results.Text(
            $$$"""{"{{{region}}}": {"tomcat8": "{{{baseAmi}}}"}, "us-east-1": {"tomcat8": "ami-00000000000000000"} }""", "application/json"));
        await app.StartAsync();
        var url = app.Urls.First() + "/amis.json";
        using var http = new HttpClient();
        var session = clients.Session(new AwsTarget("stage", region, true, Core.Config.Aws.AwsSettings.Empty));

        var resolved = await new AmiLookup(session, http).ResolveAsync("tomcat8", url);
        var missing = await Assert.ThrowsAsync<AwsConfigurationException>(() => new AmiLookup(session, http).ResolveAsync("nginx", url));

        Assert.Equal((baseAmi, $"ami_json_url {url}"), (resolved.ImageId, resolved.Source));
        Assert.Equal($"base.ami_json_url {url}: no AMI for base \"nginx\" in region {region}", missing.Message);
    }

    private static async Task<string> SeedBaseImageAsync(IAmazonEC2 ec2, string name) =>
        (await ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = name,
            RootDeviceName = "/dev/xvda",
            Architecture = ArchitectureValues.X86_64,
            VirtualizationType = "hvm",
        })).ImageId;

    private static async Task<Instance> BuilderAsync(IAmazonEC2 ec2, string key) =>
        (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag:foremast:bake", [key])] }))
        .Reservations.SelectMany(r => r.Instances).Single();
}
