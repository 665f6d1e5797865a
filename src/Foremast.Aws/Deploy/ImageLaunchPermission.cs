using Amazon.EC2.Model;
using Foremast.Aws.Http;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Deploy;

/// <summary>
/// Makes the run's image launchable in the deploying env's account. A region's image is baked once, in the account of the
/// pipeline's first env; Spinnaker's deploy then shared it with each target account (clouddriver's AllowLaunch operation: a
/// launch permission for the account on the image) instead of baking per account, and so does this. Reads first (both
/// account ids, the image's launch permissions) and adds only a missing permission, so a repeated start changes nothing.
/// </summary>
internal static class ImageLaunchPermission
{
    /// <returns>What was (or in a dry run would be) done; null when the image needs no sharing (same account, no bake env, no image yet).</returns>
    public static async Task<ResourceChange?> EnsureAsync(AwsClientBuilder clients, AwsStageContext ctx, string? imageId, CancellationToken cancellationToken)
    {
        if (imageId is null || !imageId.StartsWith("ami-", StringComparison.Ordinal)) return null;
        if (AwsStageContext.BakeEnv(ctx.Pipeline) is not { } bakeEnv || bakeEnv == ctx.Env) return null;

        var owner = clients.Session(new AwsTarget(bakeEnv, ctx.Region, ctx.DryRun, ctx.Global.Aws));
        var account = await AccountAsync(clients, ctx.Target, cancellationToken).ConfigureAwait(false);
        if (account is null || account == await AccountAsync(clients, owner.Target, cancellationToken).ConfigureAwait(false)) return null;

        var resource = $"image {imageId}";
        var attribute = await AwsCalls.RunAsync(resource, "DescribeImageAttribute", () => owner.Ec2.DescribeImageAttributeAsync(
            new DescribeImageAttributeRequest { ImageId = imageId, Attribute = "launchPermission" }, cancellationToken)).ConfigureAwait(false);
        if ((attribute.ImageAttribute?.LaunchPermissions ?? []).Any(p => p.UserId == account))
            return new ResourceChange("unchanged", "image", imageId, $"launchable by account {account} (env {ctx.Env})");

        var detail = $"launch permission for account {account} (env {ctx.Env}); baked in env {bakeEnv}'s account";
        if (ctx.DryRun) return new ResourceChange("would update", "image", imageId, detail);
        await AwsCalls.RunAsync(resource, "ModifyImageAttribute", () => owner.Ec2.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = imageId,
            LaunchPermission = new LaunchPermissionModifications { Add = [new LaunchPermission { UserId = account }] },
        }, cancellationToken)).ConfigureAwait(false);
        return new ResourceChange("updated", "image", imageId, detail);
    }

    private static async Task<string?> AccountAsync(AwsClientBuilder clients, AwsTarget target, CancellationToken cancellationToken)
    {
        var identity = await AwsCalls.RunAsync($"account of env {target.Env}", "GetCallerIdentity", () =>
            clients.Query(AwsService.Sts, target).CallAsync("GetCallerIdentity", null, cancellationToken)).ConfigureAwait(false);
        return identity.Value("Account");
    }
}
