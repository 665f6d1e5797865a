using Amazon.EC2.Model;
using Foremast.Aws.AutoScaling;
using Foremast.Aws.Bake;
using Foremast.Aws.Network;
using Foremast.Core.Config.Settings;
using Foremast.Spinnaker.Infrastructure;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Deploy;

/// <summary>
/// The EC2 deploy of one env and region, in short steps the orchestration calls between durable timers:
/// <see cref="StartAsync"/> creates launch template and Auto Scaling group <c>{app}-v{NNN}</c> (or finds the one this run created),
/// <see cref="CheckHealthAsync"/> answers whether the desired count is healthy and then applies the strategy to the older
/// groups, <see cref="RollbackAsync"/> removes a group that never got healthy and gives the traffic back to the previous one.
/// </summary>
public sealed class Ec2Deployer(AwsClientBuilder clients, InstanceUserData? userData = null)
{
    private readonly InstanceUserData _userData = userData ?? new InstanceUserData();

    public async Task<DeployStart> StartAsync(AwsStageContext ctx, string? imageId, CancellationToken cancellationToken = default)
    {
        var settings = DeploySettings.From(ctx.Settings);
        if (!DeployStrategy.Supported.Contains(settings.DeployStrategy))
            throw new AwsConfigurationException($"deploy_strategy \"{settings.DeployStrategy}\" (application-master-{ctx.Env}.json) is not supported by the EC2 deploy: use {string.Join(" or ", DeployStrategy.Supported)}");

        var session = clients.Session(ctx.Target);
        var autoScaling = new AutoScalingClient(session.AutoScaling);
        var cluster = await ClusterGroups.ListAsync(autoScaling, ctx.App, cancellationToken).ConfigureAwait(false);
        if (cluster.FirstOrDefault(g => g.Tags.GetValueOrDefault(DeployTags.RunId) == ctx.RunId && g.Tags.GetValueOrDefault(DeployTags.Env) == ctx.Env) is { } mine)
            return new DeployStart(Handle(ctx, mine.AutoScalingGroupName), [new ResourceChange("unchanged", "servergroup", mine.AutoScalingGroupName, "created earlier by this run")]);

        var name = ServerGroupNames.Next(ctx.App, cluster.Select(g => g.AutoScalingGroupName));
        // A group outside the app's tag (made by hand) may hold the name: never overwrite it.
        while (await AwsCalls.RunAsync($"server group {name}", "DescribeAutoScalingGroups", () => autoScaling.DescribeAutoScalingGroupAsync(name, cancellationToken)).ConfigureAwait(false) is not null)
            name = ServerGroupNames.Next(ctx.App, [.. cluster.Select(g => g.AutoScalingGroupName), name]);

        var asg = AsgSettings.From(ctx.Settings);
        var subnets = await new NetworkLookup(session).SubnetsAsync(asg.SubnetPurpose, "ec2", ctx.Global.VpcName, cancellationToken).ConfigureAwait(false);
        var capacity = $"{asg.MinInst}/{asg.MaxInst}/{asg.MinInst}";
        if (ctx.DryRun)
        {
            // A dry run of a new app has no security group or load balancer yet (Infrastructure Setup would create them): say so, do not fail.
            var missing = await MissingInfrastructureAsync(session, ctx, settings, subnets[0].VpcId, cancellationToken).ConfigureAwait(false);
            var wouldShare = await ImageLaunchPermission.EnsureAsync(clients, ctx, imageId, cancellationToken).ConfigureAwait(false);
            return new DeployStart(Handle(ctx, name), [
                .. wouldShare is null ? [] : new[] { wouldShare },
                new ResourceChange("would create", "servergroup", name, $"image {imageId ?? "(from the bake)"}, capacity {capacity}, strategy {settings.DeployStrategy}{missing}")]);
        }

        var securityGroups = await InstanceSecurityGroups.IdsAsync(session, subnets[0].VpcId, InstanceSecurityGroups.Names(ctx, settings.InstanceExtras ?? []), cancellationToken).ConfigureAwait(false);
        var traffic = await TrafficTargets.ResolveAsync(session, ctx.App, settings, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(imageId)) throw new AwsConfigurationException($"deploy of {ctx.App} in {ctx.Env}/{ctx.Region}: no image to deploy (the bake produced none)");
        var shared = await ImageLaunchPermission.EnsureAsync(clients, ctx, imageId, cancellationToken).ConfigureAwait(false);

        var tags = GroupTags(ctx, settings);
        var template = await LaunchTemplates.FindAsync(session, name, cancellationToken).ConfigureAwait(false);
        if (template is not null && template.Tags?.FirstOrDefault(t => t.Key == DeployTags.RunId)?.Value != ctx.RunId)
        {
            // Left behind by a start that died before its group existed: not this run's, replace it.
            await LaunchTemplates.DeleteIfPresentAsync(session, name, cancellationToken).ConfigureAwait(false);
            template = null;
        }

        var templateId = template?.LaunchTemplateId ?? await LaunchTemplates.CreateAsync(
            session, name, AmiBaker.Token("lt", ctx.RunId, ctx.Env, ctx.Region, name), TemplateData(ctx, settings, asg, imageId, securityGroups, tags), tags, cancellationToken).ConfigureAwait(false);

        var request = new CreateAutoScalingGroupRequest(
            name, templateId, asg.MinInst, asg.MaxInst, asg.MinInst, subnets.Select(s => s.SubnetId).ToList(),
            asg.HealthCheckType(ctx.Env, settings.EurekaEnabled), asg.GracePeriod, traffic.LoadBalancerNames, traffic.TargetGroupArns, tags);
        await AwsCalls.RunAsync($"server group {name}", "CreateAutoScalingGroup", () => autoScaling.CreateAutoScalingGroupAsync(request, cancellationToken)).ConfigureAwait(false);
        var into = traffic.Any ? $", behind {string.Join(",", traffic.LoadBalancerNames.Concat(traffic.TargetGroupArns))}" : "";
        return new DeployStart(Handle(ctx, name), [
            .. shared is null ? [] : new[] { shared },
            new ResourceChange("created", "servergroup", name, $"image {imageId}, capacity {capacity}{into}")]);
    }

    /// <summary>
    /// Healthy when the desired count of instances is in service and healthy in Auto Scaling and in every load balancer or target
    /// group of the group (EC2 health when it has none); the strategy is applied before Healthy is answered, so a healthy answer
    /// means the deploy is complete. Failed when the group is gone.
    /// </summary>
    public async Task<DeployHealth> CheckHealthAsync(AwsStageContext ctx, DeployHandle handle, CancellationToken cancellationToken = default)
    {
        var session = clients.Session(ctx.Target);
        var autoScaling = new AutoScalingClient(session.AutoScaling);
        var group = await AwsCalls.RunAsync($"server group {handle.ServerGroup}", "DescribeAutoScalingGroups", () =>
            autoScaling.DescribeAutoScalingGroupAsync(handle.ServerGroup, cancellationToken)).ConfigureAwait(false);
        if (group is null || group.BeingDeleted)
        {
            return ctx.DryRun
                ? new DeployHealth(HealthState.Healthy, $"would wait until {handle.ServerGroup} is healthy")
                : new DeployHealth(HealthState.Failed, $"{handle.ServerGroup} no longer exists");
        }

        var inService = group.Instances.Where(i => i.InServiceAndHealthy).Select(i => i.InstanceId).ToList();
        var traffic = new TrafficTargets(group.LoadBalancerNames, group.TargetGroupARNs);
        var healthy = await traffic.HealthyAsync(session, inService, cancellationToken).ConfigureAwait(false);
        var source = traffic.LoadBalancerNames.Count > 0 ? "load balancer" : traffic.TargetGroupArns.Count > 0 ? "target group" : "EC2";
        var detail = $"{healthy.Count} of {group.DesiredCapacity} instances healthy ({source} health)";
        if (healthy.Count < group.DesiredCapacity) return new DeployHealth(HealthState.Pending, detail);

        var settings = DeploySettings.From(ctx.Settings);
        var cluster = ClusterGroups.OfEnv(await ClusterGroups.ListAsync(autoScaling, ctx.App, cancellationToken).ConfigureAwait(false), ctx.Env);
        var changes = await DeployStrategy.ApplyAsync(session, autoScaling, settings, handle.ServerGroup, cluster, ctx.DryRun, cancellationToken).ConfigureAwait(false);
        var done = changes.Where(c => c.Verb != "unchanged").Select(c => c.Detail is null ? $"{c.Verb} {c.Name}" : $"{c.Verb} {c.Name} ({c.Detail})").ToList();
        return new DeployHealth(HealthState.Healthy, done.Count == 0 ? detail : $"{detail}; {settings.DeployStrategy}: {string.Join("; ", done)}");
    }

    /// <summary>
    /// Removes a group that did not get healthy (with its template) and makes sure the newest other group serves: a group
    /// redblack had disabled is scaled back, resumed and re-attached. Idempotent; the orchestration fails the stage with <see cref="DeployRollback.Message"/>.
    /// </summary>
    public async Task<DeployRollback> RollbackAsync(AwsStageContext ctx, DeployHandle handle, string reason, CancellationToken cancellationToken = default)
    {
        var session = clients.Session(ctx.Target);
        var autoScaling = new AutoScalingClient(session.AutoScaling);
        var cluster = ClusterGroups.OfEnv(await ClusterGroups.ListAsync(autoScaling, ctx.App, cancellationToken).ConfigureAwait(false), ctx.Env);
        var changes = new List<ResourceChange>();
        if (cluster.Any(g => g.AutoScalingGroupName == handle.ServerGroup))
            changes.Add(await DeployStrategy.DeleteAsync(session, autoScaling, handle.ServerGroup, ctx.DryRun, cancellationToken).ConfigureAwait(false));
        else if (!ctx.DryRun && await LaunchTemplates.DeleteIfPresentAsync(session, handle.ServerGroup, cancellationToken).ConfigureAwait(false))
            changes.Add(new ResourceChange("deleted", "launchtemplate", handle.ServerGroup));

        var previous = cluster.FirstOrDefault(g => g.AutoScalingGroupName != handle.ServerGroup);
        if (previous is not null && !ctx.DryRun)
        {
            var traffic = await TrafficTargets.ResolveAsync(session, ctx.App, DeploySettings.From(ctx.Settings), cancellationToken).ConfigureAwait(false);
            changes.AddRange(await ServerGroupTraffic.EnableAsync(autoScaling, previous, traffic, cancellationToken).ConfigureAwait(false));
        }

        var serving = previous is null ? "no previous server group to serve" : $"{previous.AutoScalingGroupName} serves";
        return new DeployRollback(handle.ServerGroup, previous?.AutoScalingGroupName, changes, $"{handle.ServerGroup} rolled back: {reason}; {serving}");
    }

    private static async Task<string> MissingInfrastructureAsync(AwsSession session, AwsStageContext ctx, DeploySettings settings, string vpcId, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        try
        {
            await InstanceSecurityGroups.IdsAsync(session, vpcId, InstanceSecurityGroups.Names(ctx, settings.InstanceExtras ?? []), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsConfigurationException e)
        {
            missing.Add(e.Message);
        }

        try
        {
            await TrafficTargets.ResolveAsync(session, ctx.App, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsConfigurationException e)
        {
            missing.Add(e.Message);
        }

        return missing.Count == 0 ? "" : "; not there yet: " + string.Join("; ", missing);
    }

    private static DeployHandle Handle(AwsStageContext ctx, string name) => new(name, ctx.Region, ctx.Env);

    private static Dictionary<string, string> GroupTags(AwsStageContext ctx, DeploySettings settings)
    {
        // Foremast's cluster tags: custom_tags first, then app_group/app_name (and owner_email) win.
        var tags = new Dictionary<string, string>(settings.CustomTags ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (k, v) in ctx.Tags) tags[k] = v;
        if (ctx.Pipeline.ValueKind == System.Text.Json.JsonValueKind.Object && ctx.Pipeline.TryGetProperty("owner_email", out var owner) && owner.GetString() is { Length: > 0 } email)
            tags["owner_email"] = email;
        tags[DeployTags.RunId] = ctx.RunId;
        tags[DeployTags.Env] = ctx.Env;
        return tags;
    }

    private RequestLaunchTemplateData TemplateData(AwsStageContext ctx, DeploySettings settings, AsgSettings asg, string imageId, IReadOnlyList<string> securityGroups, Dictionary<string, string> tags)
    {
        var data = new RequestLaunchTemplateData
        {
            ImageId = imageId,
            InstanceType = settings.InstanceType,
            IamInstanceProfile = new LaunchTemplateIamInstanceProfileSpecificationRequest { Name = settings.InstanceProfile ?? ctx.Names.Name("iam_profile") },
            KeyName = asg.KeyPair(ctx.Env, ctx.Region),
            UserData = _userData.Deploy(ctx.Global.TemplatesPath, ctx.App, ctx.Project, ctx.PipelineType, ctx.Env, ctx.Region),
            MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { HttpTokens = "required" },
            Monitoring = new LaunchTemplatesMonitoringRequest { Enabled = false },
            EbsOptimized = false,
            TagSpecifications = [new LaunchTemplateTagSpecificationRequest { ResourceType = "instance", Tags = tags.Select(t => new Tag(t.Key, t.Value)).ToList() }],
        };
        if (asg.EnablePublicIps is { } publicIps)
        {
            // A public address can only be asked for on a network interface, which then carries the groups.
            data.NetworkInterfaces = [new LaunchTemplateInstanceNetworkInterfaceSpecificationRequest { DeviceIndex = 0, AssociatePublicIpAddress = publicIps, Groups = securityGroups.ToList() }];
        }
        else
        {
            data.SecurityGroupIds = securityGroups.ToList();
        }

        return data;
    }
}
