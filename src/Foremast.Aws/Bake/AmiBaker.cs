using System.Security.Cryptography;
using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Foremast.Aws.Network;
using Foremast.Core.Config.Settings;
using Foremast.Spinnaker.Infrastructure;
using Foremast.Workflows.Orchestrations;

namespace Foremast.Aws.Bake;

/// <summary>
/// Bakes the run's artifact into an AMI for one region, one step per call so the orchestration waits on durable timers between
/// calls, never in here. Every step starts from what the account shows, so a replayed or repeated call continues the bake:
/// <list type="number">
/// <item>an image tagged <c>app_name</c>/<c>appversion</c> exists → done (the same version bakes once); leftover builders are terminated;</item>
/// <item>no builder → launch one from the base image with user data that installs the artifact and powers off;</item>
/// <item>builder still running → pending (it is installing);</item>
/// <item>builder stopped → create the tagged image from it, terminate the builder once the image is available.</item>
/// </list>
/// </summary>
public sealed class AmiBaker(AwsClientBuilder clients, InstanceUserData? userData = null, HttpClient? amiTableHttp = null)
{
    private static readonly string[] LiveStates = ["pending", "running", "stopping", "stopped"];

    private readonly InstanceUserData _userData = userData ?? new InstanceUserData();

    /// <param name="commit">The commit the artifact was built from, tagged on the image when known.</param>
    public async Task<BakeProgress> AdvanceAsync(AwsStageContext ctx, ArtifactRef artifact, string? commit, CancellationToken cancellationToken = default)
    {
        var session = clients.Session(ctx.Target);
        var label = $"{ctx.App} {artifact.Version}";
        var image = await FindImageAsync(session, ctx, artifact, cancellationToken).ConfigureAwait(false);
        var builders = await FindBuildersAsync(session, ctx, artifact, cancellationToken).ConfigureAwait(false);
        var live = builders.Where(b => LiveStates.Contains(b.State?.Name?.Value)).ToList();

        if (image is not null) return await FinishAsync(session, ctx, image, live, label, cancellationToken).ConfigureAwait(false);

        if (live.FirstOrDefault() is not { } builder)
        {
            if (builders.FirstOrDefault(b => Tag(b.Tags, BakeTags.RunId) == ctx.RunId) is { } ended)
                return new BakeProgress(BakeState.Failed, null, $"bake of {label}: builder {ended.InstanceId} ended ({ended.StateReason?.Message ?? ended.State?.Name?.Value}) before its image was taken");
            return await LaunchAsync(session, ctx, artifact, label, cancellationToken).ConfigureAwait(false);
        }

        if (builder.State.Name != InstanceStateName.Stopped)
            return new BakeProgress(BakeState.Pending, null, $"bake of {label}: builder {builder.InstanceId} {builder.State.Name.Value}, installing the artifact");
        if (ctx.DryRun) return new BakeProgress(BakeState.Pending, null, $"bake of {label}: would create the image from builder {builder.InstanceId}");

        var created = await CreateImageAsync(session, ctx, artifact, commit, builder, cancellationToken).ConfigureAwait(false);
        var progress = await FinishAsync(session, ctx, created, live, label, cancellationToken).ConfigureAwait(false);
        return progress with { Writes = true };
    }

    private async Task<BakeProgress> FinishAsync(AwsSession session, AwsStageContext ctx, Image image, List<Instance> live, string label, CancellationToken cancellationToken)
    {
        if (image.State == ImageState.Pending) return new BakeProgress(BakeState.Pending, image.ImageId, $"bake of {label}: image {image.ImageId} pending");
        if (image.State != ImageState.Available)
            return new BakeProgress(BakeState.Failed, image.ImageId, $"bake of {label}: image {image.ImageId} is {image.State?.Value}: {image.StateReason?.Message}");
        if (live.Count == 0 || ctx.DryRun) return new BakeProgress(BakeState.Available, image.ImageId, $"image {image.ImageId} ({image.Name}) of {label}");

        // The image is written: its builder has no further use.
        var ids = live.Select(b => b.InstanceId).ToList();
        await AwsCalls.RunAsync($"bake builder {string.Join(",", ids)}", "TerminateInstances", () =>
            session.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ids }, cancellationToken)).ConfigureAwait(false);
        return new BakeProgress(BakeState.Available, image.ImageId, $"image {image.ImageId} ({image.Name}) of {label}; builder {string.Join(",", ids)} terminated", Writes: true);
    }

    private async Task<BakeProgress> LaunchAsync(AwsSession session, AwsStageContext ctx, ArtifactRef artifact, string label, CancellationToken cancellationToken)
    {
        var settings = ImageSettings.From(ctx.Pipeline);
        var baseImage = await new AmiLookup(session, amiTableHttp).ResolveAsync(settings.Base, ctx.Global.AmiJsonUrl, cancellationToken).ConfigureAwait(false);
        if (ctx.DryRun) return new BakeProgress(BakeState.Available, null, $"would bake {label} on {baseImage.ImageId} ({baseImage.Source})");

        var asg = AsgSettings.From(ctx.Settings);
        var subnet = (await new NetworkLookup(session).SubnetsAsync(asg.SubnetPurpose, "ec2", ctx.Global.VpcName, cancellationToken).ConfigureAwait(false))[0];
        var request = new RunInstancesRequest
        {
            ImageId = baseImage.ImageId,
            InstanceType = settings.BakeInstanceType,
            MinCount = 1,
            MaxCount = 1,
            SubnetId = subnet.SubnetId,
            // The builder powers itself off when the install is done; stopping (not terminating) keeps the disk to image.
            InstanceInitiatedShutdownBehavior = ShutdownBehavior.Stop,
            UserData = _userData.Bake(ctx.Global.TemplatesPath, ctx.App, ctx.Project, ctx.Region, artifact.Version, artifact.Url),
            ClientToken = Token("bake", ctx.RunId, ctx.App, artifact.Version, ctx.Region),
            TagSpecifications =
            [
                new TagSpecification
                {
                    ResourceType = ResourceType.Instance,
                    Tags = [.. BaseTags(ctx, artifact), new Tag("Name", $"{ctx.App}-bake-{artifact.Version}"), new Tag(BakeTags.Builder, BuilderKey(ctx, artifact))],
                },
            ],
        };
        if (baseImage.RootDeviceName is { } root)
            request.BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = root, Ebs = new EbsBlockDevice { VolumeSize = settings.RootVolumeSize, DeleteOnTermination = true } }];

        var run = await AwsCalls.RunAsync($"bake builder for {label}", "RunInstances", () => session.Ec2.RunInstancesAsync(request, cancellationToken)).ConfigureAwait(false);
        var id = run.Reservation.Instances[0].InstanceId;
        return new BakeProgress(BakeState.Pending, null, $"bake of {label}: builder {id} launched from {baseImage.ImageId} ({baseImage.Source})", Writes: true);
    }

    private static async Task<Image> CreateImageAsync(AwsSession session, AwsStageContext ctx, ArtifactRef artifact, string? commit, Instance builder, CancellationToken cancellationToken)
    {
        var name = ImageName(ctx.App, artifact.Version);
        var tags = BaseTags(ctx, artifact);
        if (!string.IsNullOrEmpty(commit)) tags.Add(new Tag(BakeTags.Commit, commit));
        tags.Add(new Tag("Name", name));
        string imageId;
        try
        {
            imageId = (await session.Ec2.CreateImageAsync(new CreateImageRequest
            {
                InstanceId = builder.InstanceId,
                Name = name,
                Description = $"{ctx.App} {artifact.Version} baked by Foremast run {ctx.RunId}",
                TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Image, Tags = tags }],
            }, cancellationToken).ConfigureAwait(false)).ImageId;
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == "InvalidAMIName.Duplicate")
        {
            // A replay after CreateImage succeeded but before its answer arrived: the image is there under our name; tag and adopt it.
            var existing = await AwsCalls.RunAsync($"image {name}", "DescribeImages", () => session.Ec2.DescribeImagesAsync(new DescribeImagesRequest
            {
                Owners = ["self"],
                Filters = [new Filter("name", [name])],
            }, cancellationToken)).ConfigureAwait(false);
            imageId = existing.Images.First().ImageId;
            await AwsCalls.RunAsync($"image {imageId}", "CreateTags", () => session.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [imageId], Tags = tags }, cancellationToken)).ConfigureAwait(false);
        }
        catch (AmazonEC2Exception e)
        {
            throw new AwsOperationException($"image {name}: CreateImage failed: {e.ErrorCode}: {e.Message}", e);
        }

        var described = await AwsCalls.RunAsync($"image {imageId}", "DescribeImages", () =>
            session.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] }, cancellationToken)).ConfigureAwait(false);
        return described.Images.First();
    }

    private static async Task<Image?> FindImageAsync(AwsSession session, AwsStageContext ctx, ArtifactRef artifact, CancellationToken cancellationToken)
    {
        var found = await AwsCalls.RunAsync($"image of {ctx.App} {artifact.Version}", "DescribeImages", () => session.Ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["self"],
            Filters = [new Filter("tag:" + BakeTags.AppName, [ctx.App]), new Filter("tag:" + BakeTags.AppVersion, [artifact.Version])],
        }, cancellationToken)).ConfigureAwait(false);
        var images = found.Images ?? [];
        return images.FirstOrDefault(i => i.State == ImageState.Available) ?? images.FirstOrDefault(i => i.State == ImageState.Pending) ?? images.FirstOrDefault();
    }

    private static async Task<List<Instance>> FindBuildersAsync(AwsSession session, AwsStageContext ctx, ArtifactRef artifact, CancellationToken cancellationToken)
    {
        var found = await AwsCalls.RunAsync($"bake builder of {ctx.App} {artifact.Version}", "DescribeInstances", () => session.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter("tag:" + BakeTags.Builder, [BuilderKey(ctx, artifact)])],
        }, cancellationToken)).ConfigureAwait(false);
        return (found.Reservations ?? []).SelectMany(r => r.Instances ?? []).OrderByDescending(i => i.LaunchTime).ToList();
    }

    private static List<Tag> BaseTags(AwsStageContext ctx, ArtifactRef artifact) =>
    [
        new(BakeTags.AppGroup, ctx.Project),
        new(BakeTags.AppName, ctx.App),
        new(BakeTags.AppVersion, artifact.Version),
        new(BakeTags.RunId, ctx.RunId),
    ];

    private static string BuilderKey(AwsStageContext ctx, ArtifactRef artifact) => $"{ctx.App}/{artifact.Version}";

    private static string? Tag(IEnumerable<Tag>? tags, string key) => tags?.FirstOrDefault(t => t.Key == key)?.Value;

    /// <summary>AMI names allow letters, digits, ( ) [ ] space . / - ' @ _ and 3-128 characters.</summary>
    public static string ImageName(string app, string version)
    {
        var raw = $"{app}-{version}";
        var clean = new string(raw.Select(c => char.IsAsciiLetterOrDigit(c) || "()[] ./-'@_".Contains(c) ? c : '_').ToArray());
        return clean.Length > 128 ? clean[..128] : clean;
    }

    /// <summary>An idempotency token for EC2: the same run, app, version and region always send the same one.</summary>
    internal static string Token(string purpose, params string[] parts) =>
        $"foremast-{purpose}-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))))[..40];
}
