using System.Text.Json;
using Foremast.Core.Config;
using Foremast.Core.Config.Settings;
using Foremast.Tests.Shared;

namespace Foremast.Core.Tests.Config.Settings;

public sealed class ComputeSettingsTests
{
    private static readonly ConfigSnapshot Example = RunwayLoader.Load(new LoadRequest(
        Path.Combine(Fixtures.Examples, "runway"), Path.Combine(Fixtures.Examples, "foremast-config.json"), "acme", "webshop")).SnapshotOrThrow();

    [Fact]
    public void Asg_settings_carry_the_env_values_over_foremast_defaults()
    {
        var asg = AsgSettings.From(Example.SettingsFor("prod", "us-west-2"));

        Assert.Equal((3, 9, 180, 0, "internal"), (asg.MinInst, asg.MaxInst, asg.HcGracePeriod, asg.AppGracePeriod, asg.SubnetPurpose));
        Assert.Equal(new ScalingPolicySettings(Threshold: 60), asg.ScalingPolicy);
        Assert.Equal(30, asg.ScalingPolicy!.ScaleDownThreshold);
        Assert.Equal("prod_us-west-2_default", asg.KeyPair("prod", "us-west-2"));
        Assert.Empty(asg.EffectiveCustomPolicies);
    }

    [Fact]
    public void Health_check_type_is_ec2_in_the_env_named_dev_and_for_eureka_apps()
    {
        var asg = new AsgSettings(HcType: "elb");

        Assert.Equal(("EC2", "EC2", "ELB"), (asg.HealthCheckType("dev", false), asg.HealthCheckType("stage", true), asg.HealthCheckType("stage", false)));
    }

    [Fact]
    public void Empty_scaling_policy_lets_custom_policies_apply()
    {
        var asg = AsgSettings.From(JsonElement.Parse("""
            {"asg": {"scaling_policy": {}, "custom_scaling_policies": [{"scaling_type": "target_tracking", "target_value": 40,
              "scaling_metric": {"metric_name": "ASGAverageCPUUtilization", "steps": [{"scalingAdjustment": 2, "metricIntervalLowerBound": 0}]}}],
              "scheduled_actions": [{"recurrence": "0 7 * * *", "minSize": 2}]}}
            """));

        var policy = Assert.Single(asg.EffectiveCustomPolicies);
        Assert.Equal((CustomScalingPolicySettings.TargetTracking, 40d, 300), (policy.ScalingType, policy.TargetValue!.Value, policy.InstanceWarmup));
        Assert.Equal([new StepAdjustmentSettings(2, 0, null)], policy.Metric.Steps);
        Assert.Equal(new ScheduledActionSettings("0 7 * * *", 2), Assert.Single(asg.ScheduledActions!));
    }

    [Fact]
    public void Image_settings_read_the_image_block_and_the_base_alias()
    {
        var image = ImageSettings.From(Example.Pipeline);

        Assert.Equal(("tomcat8", "t3.small", 8, "ebs"), (image.Base, image.BakeInstanceType, image.RootVolumeSize, image.Builder));
    }

    [Fact]
    public void Deploy_settings_read_strategy_instance_and_load_balancer_kind()
    {
        var prod = DeploySettings.From(Example.SettingsFor("prod", "us-east-1"));
        var custom = DeploySettings.From(JsonElement.Parse("""
            {"app": {"custom_tags": {"team": "shop"}, "eureka_enabled": true}, "elb": {"type": "application"}, "security_group": {"instance_extras": ["metrics"]}}
            """));

        Assert.Equal(("redblack", "m5.large", "classic", 2), (prod.DeployStrategy, prod.InstanceType, prod.ElbType, prod.MaxRemainingAsgs));
        Assert.Equal(("highlander", "t2.micro", true, true), (custom.DeployStrategy, custom.InstanceType, custom.UsesTargetGroup, custom.EurekaEnabled));
        Assert.Equal("shop", custom.CustomTags!["team"]);
        Assert.Equal(["metrics"], custom.InstanceExtras!);
    }

    [Fact]
    public void Misshapen_asg_block_names_the_json_path()
    {
        var error = Assert.Throws<StageSettingsException>(() => AsgSettings.From(JsonElement.Parse("""{"asg": {"min_inst": "many"}}""")));

        Assert.StartsWith("$.asg.min_inst", error.Message);
    }
}
