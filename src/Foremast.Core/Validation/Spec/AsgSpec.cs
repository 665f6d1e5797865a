using static Foremast.Core.Validation.Spec.Keys;

namespace Foremast.Core.Validation.Spec;

/// <summary>The <c>asg</c> block (reference §5.2), including v1 <c>scaling_policy</c> and v2 <c>custom_scaling_policies</c>.</summary>
internal static class AsgSpec
{
    private static readonly string[] Statistics = ["Average", "Sum", "Minimum", "Maximum", "SampleCount"];

    public static SpecNode Block { get; } = Obj(
        "auto scaling group settings",
        ("hc_type", OneOfAnyCase("health check type", "ELB", "EC2")),
        ("hc_grace_period", Int("health check grace period in seconds")),
        ("app_grace_period", Int("extra grace period in seconds")),
        ("max_inst", Int("maximum instances")),
        ("min_inst", Int("minimum (and desired) instances")),
        ("ssh_keypair", Str("key pair; null means {env}_{region}_default", nullable: true)),
        ("subnet_purpose", Str("subnet purpose of the instances")),
        ("enable_public_ips", Bool("associate public IP addresses", nullable: true)),
        ("provider_healthcheck", Map("health providers: provider → enabled", Bool("enabled"))),
        ("scaling_policy", ScalingPolicy()),
        ("custom_scaling_policies", List("raw step or target-tracking policies (ignored when scaling_policy is set)", CustomScalingPolicy())),
        ("scheduled_actions", List(
            "scheduled capacity changes",
            Obj(
                "a scheduled action",
                ("recurrence", Str("cron expression (UTC)")),
                ("minSize", Int("minimum size")),
                ("maxSize", Int("maximum size")),
                ("desiredCapacity", Int("desired capacity"))).Requires("recurrence"))));

    private static SpecNode ScalingPolicy() => Obj(
        "simple scaling policy (adds the Attach Scaling Policy stage); {} for none",
        ("metric", Str("CloudWatch metric")),
        ("threshold", Num("scale-up threshold", 0)),
        ("period_minutes", Int("alarm period in minutes", 1, 1440)),
        ("statistic", OneOf("alarm statistic", Statistics)),
        ("instance_warmup", Int("instance warm-up in seconds")),
        ("scale_down", Bool("also create the scale-down policy")),
        ("increase_scaling_adjustment", Int("instances added per scale-up", 1)),
        ("decrease_scaling_adjustment", Int("instances added per scale-down (negative)", int.MinValue, 0))).RequiresUnlessEmpty("threshold");

    private static SpecNode CustomScalingPolicy() => Obj(
        "a step or target-tracking policy",
        ("scaling_type", OneOf("policy kind", "step_scaling", "target_tracking")),
        ("instance_warmup", Int("instance warm-up in seconds")),
        ("disable_scale_in", Bool("target tracking: never scale in")),
        ("target_value", Num("target tracking: target value", 0)),
        ("scaling_metric", Obj(
            "the metric",
            ("metric_type", OneOf("metric kind", "predefined", "custom")),
            ("metric_name", Str("metric name")),
            ("namespace", Str("metric namespace")),
            ("statistic", OneOf("statistic", Statistics)),
            ("comparison_operator", Str("alarm comparison operator")),
            ("evaluation_periods", Int("evaluation periods", 1)),
            ("evaluation_period", Int("evaluation period in seconds", 1)),
            ("threshold", Num("alarm threshold", int.MinValue)),
            ("dimensions", List("metric dimensions; value $self means the latest server group", Obj("a dimension", ("name", Str("name")), ("value", Str("value"))).Requires("name", "value"))),
            ("steps", List(
                "step adjustments",
                Obj(
                    "a step",
                    ("scalingAdjustment", Int("capacity change", int.MinValue)),
                    ("metricIntervalLowerBound", new SpecNode { Types = JsonTypes.Number | JsonTypes.Null, Minimum = int.MinValue, Description = "lower bound" }),
                    ("metricIntervalUpperBound", new SpecNode { Types = JsonTypes.Number | JsonTypes.Null, Minimum = int.MinValue, Description = "upper bound" })).Requires("scalingAdjustment"))))))
        .Requires("scaling_type");
}
