using Amazon.EC2.Model;
using Foremast.Aws.Credentials;
using Foremast.Aws.Deploy;
using Foremast.Aws.Tests.Support;
using Foremast.Core.Config.Aws;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Tests.Deploy;

/// <summary>
/// The image is baked once per region in the account of the pipeline's first env (dev); a deploy in another env's account
/// gives that account a launch permission on it, as Spinnaker's AllowLaunch did. Two moto accounts, told apart by access key.
/// </summary>
public sealed class ImageSharingTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Settings = """{"asg": {"min_inst": 1, "max_inst": 1}, "deploy_strategy": "redblack"}""";
    private const string Pipeline = """{"type": "ec2", "env": ["dev", "stage"]}""";
    private static readonly Dictionary<string, string> Accounts = new() { ["dev"] = "111111111111", ["stage"] = "222222222222" };

    [Fact]
    public async Task Deploy_in_another_account_shares_the_image_baked_in_the_first_envs_account_once()
    {
        var (log, clients, image, dev) = await AccountsAsync("shareacme", "us-east-1", "10.61");
        var stage = StageContexts.For("shareacme", "us-east-1", Settings, Pipeline, env: "stage", runId: "run-1");

        var first = await new Ec2Deployer(clients).StartAsync(stage, image);

        Assert.Equal(new ResourceChange("updated", "image", image, "launch permission for account 222222222222 (env stage); baked in env dev's account"), first.Changes[0]);
        Assert.Equal(["222222222222"], await LaunchPermissionsAsync(dev, image));
        Assert.Equal(1, log.Writes.Count(w => w.Operation == "ModifyImageAttribute"));

        // The next run's deploy (same image, e.g. a redeploy) finds the permission and does not write it again.
        log.Clear();
        var second = await new Ec2Deployer(clients).StartAsync(stage with { RunId = "run-2" }, image);

        Assert.Equal(new ResourceChange("unchanged", "image", image, "launchable by account 222222222222 (env stage)"), second.Changes[0]);
        Assert.DoesNotContain(log.Writes, w => w.Operation == "ModifyImageAttribute");
        Assert.Equal(["222222222222"], await LaunchPermissionsAsync(dev, image));
    }

    [Fact]
    public async Task Dry_run_says_the_image_would_be_shared_and_writes_nothing()
    {
        var (log, clients, image, dev) = await AccountsAsync("dryshareacme", "us-west-2", "10.62");

        var start = await new Ec2Deployer(clients).StartAsync(StageContexts.For("dryshareacme", "us-west-2", Settings, Pipeline, env: "stage", dryRun: true), image);

        Assert.Equal(new ResourceChange("would update", "image", image, "launch permission for account 222222222222 (env stage); baked in env dev's account"), start.Changes[0]);
        Assert.Empty(log.Writes);
        Assert.Empty(await LaunchPermissionsAsync(dev, image));
    }

    /// <summary>dev's account holds the baked image; stage's account has what Infrastructure Setup leaves (network, group, load balancer).</summary>
    private async Task<(CallLog Log, AwsClientBuilder Clients, string Image, AwsSession Dev)> AccountsAsync(string app, string region, string cidr)
    {
        var accounts = await MotoAccounts.CreateAsync(moto.Url, Accounts);
        var log = new CallLog();
        var clients = new AwsClientBuilder(new AwsOptions { EndpointUrl = moto.Url, Retry = AwsTestClients.FastRetry }, new AwsCredentialsResolver(accounts), [log]);
        var dev = clients.Session(new AwsTarget("dev", region, false, AwsSettings.Empty));
        var stage = clients.Session(new AwsTarget("stage", region, false, AwsSettings.Empty));
        var image = await ComputeSeed.ImageAsync(dev.Ec2, app + "-1.0.0");
        var network = await AccountSeed.NetworkAsync(stage.Ec2, region, cidrPrefix: cidr);
        await ComputeSeed.SecurityGroupAsync(stage.Ec2, network.VpcId, app);
        await ComputeSeed.ClassicLoadBalancerAsync(stage, app, network.ElbSubnets);
        log.Clear();
        return (log, clients, image, dev);
    }

    private static async Task<IReadOnlyList<string>> LaunchPermissionsAsync(AwsSession owner, string image) =>
        ((await owner.Ec2.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = image, Attribute = "launchPermission" })).ImageAttribute.LaunchPermissions ?? [])
        .Select(p => p.UserId).ToList();
}
