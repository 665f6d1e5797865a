using System.Diagnostics;
using Foremast.Aws.AutoScaling;
using Foremast.Aws.Deploy;
using Foremast.Aws.Scaling;
using Foremast.Aws.Tests.Support;
using Foremast.Core.Config.Aws;
using Xunit.Abstractions;

namespace Foremast.Aws.Tests.Scaling;

public sealed class ScalingPolicyAttacherTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    private const string V1 = """{"app": {"eureka_enabled": true}, "asg": {"scaling_policy": {"metric": "CPUUtilization", "threshold": 60}}}""";

    [Fact]
    public async Task Attaches_v1_up_and_down_policies_with_alarms_and_writes_nothing_the_second_time()
    {
        var (log, clients, group) = await GroupAsync("us-east-1", "scacme", "10.60");
        var attacher = new ScalingPolicyAttacher(clients);
        var ctx = StageContexts.For("scacme", "us-east-1", V1);

        var watch = Stopwatch.StartNew();
        var first = await attacher.AttachAsync(ctx, group);
        output.WriteLine($"first attach: {log.Calls.Count} calls ({log.Writes.Count} writes), {watch.ElapsedMilliseconds} ms");

        Assert.Equal(
            [("created", "scalingpolicy", "scacme-CPUUtilization-increase"), ("created", "alarm", "scacme-CPUUtilization-increase"),
             ("created", "scalingpolicy", "scacme-CPUUtilization-decrease"), ("created", "alarm", "scacme-CPUUtilization-decrease")],
            first.Changes.Select(c => (c.Verb, c.Kind, c.Name)));
        var session = Session(clients, "us-east-1");
        var policies = (await new AutoScalingPolicies(session.AutoScaling).DescribePoliciesAsync(group, CancellationToken.None)).ToDictionary(p => p.PolicyName);
        var up = policies["scacme-CPUUtilization-increase"];
        var down = policies["scacme-CPUUtilization-decrease"];
        Assert.Equal(("StepScaling", "ChangeInCapacity", 600), (up.PolicyType, up.AdjustmentType!, up.EstimatedInstanceWarmup!.Value));
        Assert.Equal([new StepAdjustment(1, 0, null)], up.StepAdjustments);
        Assert.Equal([new StepAdjustment(-1, null, 0)], down.StepAdjustments);
        var alarms = (await new CloudWatchAlarms(session.CloudWatch).DescribeAlarmsAsync([up.PolicyName, down.PolicyName], CancellationToken.None)).ToDictionary(a => a.AlarmName);
        Assert.Equal((60d, "GreaterThanThreshold", 1800), (alarms[up.PolicyName].Threshold, alarms[up.PolicyName].ComparisonOperator, alarms[up.PolicyName].Period));
        Assert.Equal((30d, "LessThanThreshold"), (alarms[down.PolicyName].Threshold, alarms[down.PolicyName].ComparisonOperator));
        Assert.Equal([new KeyValuePair<string, string>("AutoScalingGroupName", group)], alarms[up.PolicyName].Dimensions);
        Assert.Equal([up.PolicyARN!], alarms[up.PolicyName].AlarmActions);

        log.Clear();
        watch.Restart();
        var second = await attacher.AttachAsync(ctx, group);
        output.WriteLine($"second attach: {log.Calls.Count} calls ({log.Writes.Count} writes), {watch.ElapsedMilliseconds} ms");

        Assert.All(second.Changes, c => Assert.Equal("unchanged", c.Verb));
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Policy_that_left_the_config_is_deleted_with_its_alarm()
    {
        var (_, clients, group) = await GroupAsync("us-west-2", "rmacme", "10.61");
        var attacher = new ScalingPolicyAttacher(clients);
        await attacher.AttachAsync(StageContexts.For("rmacme", "us-west-2", V1), null);

        var result = await attacher.AttachAsync(StageContexts.For("rmacme", "us-west-2",
            """{"app": {"eureka_enabled": true}, "asg": {"scaling_policy": {"metric": "CPUUtilization", "threshold": 60, "scale_down": false}}}"""), null);

        Assert.Equal(
            [("unchanged", "scalingpolicy", "rmacme-CPUUtilization-increase"), ("unchanged", "alarm", "rmacme-CPUUtilization-increase"),
             ("deleted", "scalingpolicy", "rmacme-CPUUtilization-decrease"), ("deleted", "alarm", "rmacme-CPUUtilization-decrease")],
            result.Changes.Select(c => (c.Verb, c.Kind, c.Name)));
        var session = Session(clients, "us-west-2");
        Assert.Equal(["rmacme-CPUUtilization-increase"], (await new AutoScalingPolicies(session.AutoScaling).DescribePoliciesAsync(group, CancellationToken.None)).Select(p => p.PolicyName));
        Assert.Empty(await new CloudWatchAlarms(session.CloudWatch).DescribeAlarmsAsync(["rmacme-CPUUtilization-decrease"], CancellationToken.None));
    }

    [Fact]
    public async Task Custom_step_and_target_tracking_policies_and_scheduled_actions_converge()
    {
        var (log, clients, group) = await GroupAsync("eu-west-1", "cuacme", "10.62");
        var attacher = new ScalingPolicyAttacher(clients);
        const string custom = """
            {"app": {"eureka_enabled": true}, "asg": {
              "custom_scaling_policies": [
                {"scaling_type": "target_tracking", "target_value": 50, "scaling_metric": {"metric_type": "predefined", "metric_name": "ASGAverageCPUUtilization"}},
                {"scaling_type": "step_scaling", "instance_warmup": 120, "scaling_metric": {"metric_type": "custom", "metric_name": "QueueDepth", "namespace": "Shop",
                  "statistic": "Maximum", "comparison_operator": "GreaterThanOrEqualToThreshold", "evaluation_periods": 2, "evaluation_period": 300, "threshold": 100,
                  "dimensions": [{"name": "AutoScalingGroupName", "value": "$self"}],
                  "steps": [{"scalingAdjustment": 1, "metricIntervalLowerBound": 0, "metricIntervalUpperBound": 50}, {"scalingAdjustment": 3, "metricIntervalLowerBound": 50}]}}
              ],
              "scheduled_actions": [
                {"recurrence": "0 7 * * 1-5", "minSize": 2, "maxSize": 4, "desiredCapacity": 2}EVENING
              ]}}
            """;
        const string evening = """, {"recurrence": "0 19 * * 1-5", "minSize": 1, "maxSize": 2, "desiredCapacity": 1}""";
        var ctx = StageContexts.For("cuacme", "eu-west-1", custom.Replace("EVENING", evening, StringComparison.Ordinal));

        var dryBefore = await attacher.AttachAsync(ctx with { DryRun = true }, group);
        var first = await attacher.AttachAsync(ctx, group);
        log.Clear();
        var second = await attacher.AttachAsync(ctx, group);
        var dryAfter = await attacher.AttachAsync(ctx with { DryRun = true }, group);

        Assert.Equal(
            ["would create scalingpolicy cuacme-ASGAverageCPUUtilization-tracking-1", "would create scalingpolicy cuacme-QueueDepth-step-2", "would create alarm cuacme-QueueDepth-step-2",
             "would create scheduledaction cuacme-scheduled-1", "would create scheduledaction cuacme-scheduled-2"],
            dryBefore.Changes.Select(c => $"{c.Verb} {c.Kind} {c.Name}"));
        Assert.Equal(dryBefore.Changes.Select(c => c.Verb.Replace("would create", "created")), first.Changes.Select(c => c.Verb));
        Assert.All(second.Changes.Concat(dryAfter.Changes), c => Assert.Equal("unchanged", c.Verb));
        Assert.Empty(log.Writes);
        var session = Session(clients, "eu-west-1");
        var policies = (await new AutoScalingPolicies(session.AutoScaling).DescribePoliciesAsync(group, CancellationToken.None)).ToDictionary(p => p.PolicyName);
        Assert.Equal(new TargetTrackingConfiguration(50, false, "ASGAverageCPUUtilization"), policies["cuacme-ASGAverageCPUUtilization-tracking-1"].TargetTracking);
        Assert.Equal([new StepAdjustment(1, 0, 50), new StepAdjustment(3, 50, null)], policies["cuacme-QueueDepth-step-2"].StepAdjustments);
        var alarm = (await new CloudWatchAlarms(session.CloudWatch).DescribeAlarmsAsync(["cuacme-QueueDepth-step-2"], CancellationToken.None)).Single();
        Assert.Equal(("QueueDepth", "Shop", "Maximum", 300, 2, 100d), (alarm.MetricName, alarm.Namespace, alarm.Statistic, alarm.Period, alarm.EvaluationPeriods, alarm.Threshold));
        Assert.Equal([new KeyValuePair<string, string>("AutoScalingGroupName", group)], alarm.Dimensions);

        var fewer = ctx with { Settings = System.Text.Json.JsonElement.Parse(custom.Replace("EVENING", "", StringComparison.Ordinal)) };
        var third = await attacher.AttachAsync(fewer, group);

        Assert.Equal("deleted scheduledaction cuacme-scheduled-2", third.Changes.Where(c => c.Verb != "unchanged").Select(c => $"{c.Verb} {c.Kind} {c.Name}").Single());
        Assert.Equal(["cuacme-scheduled-1"], (await new AutoScalingPolicies(session.AutoScaling).DescribeScheduledActionsAsync(group, CancellationToken.None)).Select(a => a.ScheduledActionName));
    }

    [Fact]
    public async Task No_server_group_is_a_clear_error()
    {
        var clients = AwsTestClients.Builder(moto.Url);

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => new ScalingPolicyAttacher(clients).AttachAsync(StageContexts.For("nogroupacme", "ap-south-1", V1), null));

        Assert.Equal("no server group of nogroupacme in env stage, region ap-south-1 to attach scaling policies to: deploy first", error.Message);
    }

    /// <summary>A deployed server group without a load balancer (Eureka), as the deploy leaves it.</summary>
    private async Task<(CallLog Log, AwsClientBuilder Clients, string Group)> GroupAsync(string region, string app, string cidr)
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var session = Session(clients, region);
        var network = await AccountSeed.NetworkAsync(session.Ec2, region, cidrPrefix: cidr);
        await ComputeSeed.SecurityGroupAsync(session.Ec2, network.VpcId, app);
        var image = await ComputeSeed.ImageAsync(session.Ec2, app + "-image");
        var start = await new Ec2Deployer(clients).StartAsync(StageContexts.For(app, region, """{"app": {"eureka_enabled": true}}"""), image);
        log.Clear();
        return (log, clients, start.Handle.ServerGroup);
    }

    private static AwsSession Session(AwsClientBuilder clients, string region) => clients.Session(new AwsTarget("stage", region, false, AwsSettings.Empty));
}
