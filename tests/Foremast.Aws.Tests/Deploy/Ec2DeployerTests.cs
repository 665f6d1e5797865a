using System.Diagnostics;
using Foremast.Aws.AutoScaling;
using Foremast.Aws.Deploy;
using Foremast.Aws.Tests.Support;
using Foremast.Core.Config.Aws;
using Foremast.Workflows.Activities.Interfaces;
using Xunit.Abstractions;

namespace Foremast.Aws.Tests.Deploy;

public sealed class Ec2DeployerTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    private const string Highlander = """{"asg": {"min_inst": 2, "max_inst": 3}, "deploy_strategy": "highlander", "app": {"instance_type": "t3.micro"}}""";
    private const string RedBlack = """{"asg": {"min_inst": 1, "max_inst": 2}, "deploy_strategy": "redblack"}""";

    [Fact]
    public async Task Highlander_creates_v000_healthy_then_v001_replaces_it()
    {
        var (log, clients, image) = await AccountAsync("us-east-1", "hlacme", "10.50");
        var deployer = new Ec2Deployer(clients);
        var first = StageContexts.For("hlacme", "us-east-1", Highlander, runId: "run-1");

        var watch = Stopwatch.StartNew();
        var v0 = await deployer.StartAsync(first, image);
        var health0 = await deployer.CheckHealthAsync(first, v0.Handle);
        output.WriteLine($"first deploy: {log.Calls.Count} calls ({log.Writes.Count} writes), {watch.ElapsedMilliseconds} ms");

        Assert.Equal("hlacme-v000", v0.Handle.ServerGroup);
        Assert.Equal(HealthState.Healthy, health0.State);
        var group = (await GroupAsync(clients, "us-east-1", "hlacme-v000"))!;
        Assert.Equal((2, 3, 2), (group.MinSize, group.MaxSize, group.DesiredCapacity));
        Assert.Equal(["hlacme"], group.LoadBalancerNames);
        Assert.Equal("ELB", group.HealthCheckType);
        Assert.Equal("hlacme-v000", group.LaunchTemplateName);
        Assert.Equal(("acme", "hlacme", "run-1"), (group.Tags["app_group"], group.Tags["app_name"], group.Tags["foremast:run_id"]));

        log.Clear();
        watch.Restart();
        var second = first with { RunId = "run-2" };
        var v1 = await deployer.StartAsync(second, image);
        var health1 = await deployer.CheckHealthAsync(second, v1.Handle);
        output.WriteLine($"second deploy: {log.Calls.Count} calls ({log.Writes.Count} writes), {watch.ElapsedMilliseconds} ms");

        Assert.Equal("hlacme-v001", v1.Handle.ServerGroup);
        Assert.Equal(HealthState.Healthy, health1.State);
        Assert.Contains("deleted hlacme-v000", health1.Detail);
        Assert.Null(await GroupAsync(clients, "us-east-1", "hlacme-v000"));
        Assert.NotNull(await GroupAsync(clients, "us-east-1", "hlacme-v001"));
    }

    [Fact]
    public async Task Envs_sharing_an_account_number_apart_and_never_remove_each_others_groups()
    {
        var (_, clients, image) = await AccountAsync("ap-south-1", "shacme", "10.59");
        var deployer = new Ec2Deployer(clients);
        var dev = StageContexts.For("shacme", "ap-south-1", Highlander, env: "dev", runId: "run-1");
        var stage = StageContexts.For("shacme", "ap-south-1", Highlander, env: "stage", runId: "run-1");

        var devGroup = await deployer.StartAsync(dev, image);
        var stageGroup = await deployer.StartAsync(stage, image);
        var stageHealth = await deployer.CheckHealthAsync(stage, stageGroup.Handle);

        Assert.Equal(("shacme-v000", "shacme-v001"), (devGroup.Handle.ServerGroup, stageGroup.Handle.ServerGroup));
        Assert.Equal(HealthState.Healthy, stageHealth.State);
        Assert.DoesNotContain("deleted", stageHealth.Detail);
        Assert.NotNull(await GroupAsync(clients, "ap-south-1", "shacme-v000"));
    }

    [Fact]
    public async Task Replayed_start_finds_the_group_it_created_and_writes_nothing()
    {
        var (log, clients, image) = await AccountAsync("us-east-2", "rpacme", "10.51");
        var deployer = new Ec2Deployer(clients);
        var ctx = StageContexts.For("rpacme", "us-east-2", Highlander, runId: "run-7");

        var first = await deployer.StartAsync(ctx, image);
        log.Clear();
        var replay = await deployer.StartAsync(ctx, image);

        Assert.Equal(first.Handle, replay.Handle);
        Assert.Equal("unchanged", replay.Changes.Single().Verb);
        Assert.Empty(log.Writes);
        var autoScaling = new AutoScalingClient(Session(clients, "us-east-2").AutoScaling);
        Assert.Single(await autoScaling.DescribeAutoScalingGroupsByTagAsync("app_name", "rpacme", CancellationToken.None));
    }

    [Fact]
    public async Task Dry_run_names_the_next_group_and_writes_nothing()
    {
        var (log, clients, image) = await AccountAsync("ca-central-1", "dracme", "10.55");
        log.Clear();

        var start = await new Ec2Deployer(clients).StartAsync(StageContexts.For("dracme", "ca-central-1", Highlander, dryRun: true), image);

        Assert.Equal(new ResourceChange("would create", "servergroup", "dracme-v000", $"image {image}, capacity 2/3/2, strategy highlander"), start.Changes.Single());
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Dry_run_of_a_new_app_says_which_infrastructure_is_not_there_yet()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        await AccountSeed.NetworkAsync(Session(clients, "us-west-2").Ec2, "us-west-2", vpcName: "vpc", cidrPrefix: "10.58");
        log.Clear();

        var start = await new Ec2Deployer(clients).StartAsync(StageContexts.For("newacme", "us-west-2", Highlander, dryRun: true), null);

        var change = start.Changes.Single();
        Assert.Equal(("would create", "newacme-v000"), (change.Verb, change.Name));
        Assert.Contains("not there yet: security group newacme not found in vpc", change.Detail);
        Assert.Contains("load balancer newacme not found in env stage, region us-west-2", change.Detail);
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Redblack_disables_older_groups_and_keeps_at_most_max_remaining()
    {
        var (log, clients, image) = await AccountAsync("us-west-1", "rbacme", "10.52");
        var deployer = new Ec2Deployer(clients);

        foreach (var run in new[] { "run-1", "run-2" })
        {
            var ctx = StageContexts.For("rbacme", "us-west-1", RedBlack, runId: run);
            Assert.Equal(HealthState.Healthy, (await deployer.CheckHealthAsync(ctx, (await deployer.StartAsync(ctx, image)).Handle)).State);
        }

        var v0 = (await GroupAsync(clients, "us-west-1", "rbacme-v000"))!;
        var v1 = (await GroupAsync(clients, "us-west-1", "rbacme-v001"))!;
        Assert.Empty(v0.LoadBalancerNames);
        Assert.Equal((0, 0, 0), (v0.MinSize, v0.MaxSize, v0.DesiredCapacity));
        Assert.Contains("AddToLoadBalancer", v0.SuspendedProcesses);
        Assert.Equal("1,2,1", v0.Tags["foremast:disabled_capacity"]);
        Assert.Equal(["rbacme"], v1.LoadBalancerNames);

        // A repeated health check after the strategy ran changes nothing.
        var again = StageContexts.For("rbacme", "us-west-1", RedBlack, runId: "run-2");
        log.Clear();
        Assert.Equal(HealthState.Healthy, (await deployer.CheckHealthAsync(again, new DeployHandle("rbacme-v001", "us-west-1", "stage"))).State);
        Assert.Empty(log.Writes);

        var third = StageContexts.For("rbacme", "us-west-1", RedBlack, runId: "run-3");
        Assert.Equal(HealthState.Healthy, (await deployer.CheckHealthAsync(third, (await deployer.StartAsync(third, image)).Handle)).State);

        Assert.Null(await GroupAsync(clients, "us-west-1", "rbacme-v000"));
        Assert.Empty((await GroupAsync(clients, "us-west-1", "rbacme-v001"))!.LoadBalancerNames);
        Assert.Equal(["rbacme"], (await GroupAsync(clients, "us-west-1", "rbacme-v002"))!.LoadBalancerNames);
    }

    [Fact]
    public async Task Rollback_after_the_strategy_gives_the_disabled_group_its_traffic_back()
    {
        var (_, clients, image) = await AccountAsync("eu-west-1", "rsacme", "10.53");
        var deployer = new Ec2Deployer(clients);
        foreach (var run in new[] { "run-1", "run-2" })
        {
            var ctx = StageContexts.For("rsacme", "eu-west-1", RedBlack, runId: run);
            await deployer.CheckHealthAsync(ctx, (await deployer.StartAsync(ctx, image)).Handle);
        }

        var rollback = await deployer.RollbackAsync(StageContexts.For("rsacme", "eu-west-1", RedBlack, runId: "run-2"), new DeployHandle("rsacme-v001", "eu-west-1", "stage"), "smoke test failed");

        Assert.Equal("rsacme-v001 rolled back: smoke test failed; rsacme-v000 serves", rollback.Message);
        Assert.Null(await GroupAsync(clients, "eu-west-1", "rsacme-v001"));
        var restored = (await GroupAsync(clients, "eu-west-1", "rsacme-v000"))!;
        Assert.Equal(["rsacme"], restored.LoadBalancerNames);
        Assert.Equal((1, 2, 1), (restored.MinSize, restored.MaxSize, restored.DesiredCapacity));
        Assert.DoesNotContain("AddToLoadBalancer", restored.SuspendedProcesses);
        Assert.False(restored.Tags.ContainsKey("foremast:disabled_capacity"));
    }

    [Fact]
    public async Task Group_whose_targets_stay_unhealthy_is_rolled_back_and_the_old_group_keeps_serving()
    {
        const string region = "eu-central-1";
        const string app = "tgacme";
        const string settings = """{"asg": {"min_inst": 1, "max_inst": 2}, "deploy_strategy": "redblack", "elb": {"type": "application"}}""";
        var log = new CallLog();
        var direct = AwsTestClients.Builder(moto.Url, log);
        var session = Session(direct, region);
        var network = await AccountSeed.NetworkAsync(session.Ec2, region, cidrPrefix: "10.54");
        await ComputeSeed.SecurityGroupAsync(session.Ec2, network.VpcId, app);
        var arn = await ComputeSeed.TargetGroupAsync(session, app, network.VpcId);
        var image = await ComputeSeed.ImageAsync(session.Ec2, "tg-image");
        var first = StageContexts.For(app, region, settings, runId: "run-1");
        var v0 = await new Ec2Deployer(direct).StartAsync(first, image);
        Assert.Equal(HealthState.Healthy, (await new Ec2Deployer(direct).CheckHealthAsync(first, v0.Handle)).State);

        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Rewrite((call, body) => call.Operation == "DescribeTargetHealth" ? body.Replace("<State>healthy</State>", "<State>unhealthy</State>", StringComparison.Ordinal) : null);
        var viaProxy = new Ec2Deployer(AwsTestClients.Builder(proxy.Url));
        var second = StageContexts.For(app, region, settings, runId: "run-2");
        var v1 = await viaProxy.StartAsync(second, image);
        var health = await viaProxy.CheckHealthAsync(second, v1.Handle);
        var rollback = await viaProxy.RollbackAsync(second, v1.Handle, "not healthy within 00:10:00: " + health.Detail);

        Assert.Equal(HealthState.Pending, health.State);
        Assert.Equal("0 of 1 instances healthy (target group health)", health.Detail);
        Assert.Equal("tgacme-v001 rolled back: not healthy within 00:10:00: 0 of 1 instances healthy (target group health); tgacme-v000 serves", rollback.Message);
        Assert.Null(await GroupAsync(direct, region, "tgacme-v001"));
        var old = (await GroupAsync(direct, region, "tgacme-v000"))!;
        Assert.Equal([arn], old.TargetGroupARNs);
        Assert.Equal(1, old.DesiredCapacity);
        Assert.Equal(HealthState.Healthy, (await new Ec2Deployer(direct).CheckHealthAsync(first, v0.Handle)).State);
    }

    [Fact]
    public async Task Throttled_and_dropped_calls_are_retried_and_the_deploy_completes()
    {
        var (_, clients, image) = await AccountAsync("sa-east-1", "thacme", "10.56");
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.Throttle, 2, c => c.Operation == "CreateAutoScalingGroup").Fail(FaultKind.Drop, 1, c => c.Operation == "DescribeInstanceHealth");
        var deployer = new Ec2Deployer(AwsTestClients.Builder(proxy.Url));
        var ctx = StageContexts.For("thacme", "sa-east-1", Highlander);

        var health = await deployer.CheckHealthAsync(ctx, (await deployer.StartAsync(ctx, image)).Handle);

        Assert.Equal(HealthState.Healthy, health.State);
        Assert.Equal(3, proxy.FaultsServed);
        Assert.Single(await new AutoScalingClient(Session(clients, "sa-east-1").AutoScaling).DescribeAutoScalingGroupsByTagAsync("app_name", "thacme", CancellationToken.None));
    }

    [Fact]
    public async Task Permission_error_is_not_retried_and_names_group_operation_and_aws_message()
    {
        var (_, _, image) = await AccountAsync("ap-southeast-1", "pmacme", "10.57");
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.AccessDenied, 5, c => c.Operation == "CreateAutoScalingGroup");

        var error = await Assert.ThrowsAsync<AwsOperationException>(() =>
            new Ec2Deployer(AwsTestClients.Builder(proxy.Url)).StartAsync(StageContexts.For("pmacme", "ap-southeast-1", Highlander), image));

        Assert.Equal("server group pmacme-v000: CreateAutoScalingGroup failed: AccessDenied: User: arn:aws:iam::123456789012:user/deployer is not authorized to perform this action", error.Message);
        Assert.Equal(1, proxy.FaultsServed);
    }

    private async Task<(CallLog Log, AwsClientBuilder Clients, string Image)> AccountAsync(string region, string app, string cidr)
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var session = Session(clients, region);
        var network = await AccountSeed.NetworkAsync(session.Ec2, region, cidrPrefix: cidr);
        await ComputeSeed.SecurityGroupAsync(session.Ec2, network.VpcId, app);
        await ComputeSeed.ClassicLoadBalancerAsync(session, app, network.ElbSubnets);
        var image = await ComputeSeed.ImageAsync(session.Ec2, app + "-image");
        log.Clear();
        return (log, clients, image);
    }

    private static AwsSession Session(AwsClientBuilder clients, string region) => clients.Session(new AwsTarget("stage", region, false, AwsSettings.Empty));

    private static Task<AutoScalingGroup?> GroupAsync(AwsClientBuilder clients, string region, string name) =>
        new AutoScalingClient(Session(clients, region).AutoScaling).DescribeAutoScalingGroupAsync(name, CancellationToken.None);
}
