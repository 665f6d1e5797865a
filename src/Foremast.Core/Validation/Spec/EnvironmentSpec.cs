using static Foremast.Core.Validation.Spec.Keys;

namespace Foremast.Core.Validation.Spec;

/// <summary>Every key of <c>application-master-{env}.json</c> (reference §5). A region override is checked against this same spec.</summary>
public static class EnvironmentSpec
{
    /// <summary>Spinnaker cluster strategies, plus the S3 upload strategies Foremast adds.</summary>
    public static readonly string[] DeployStrategies =
        ["highlander", "redblack", "rollingredblack", "rollingpush", "monitored", "custom", "canary", "alpha", "mirror", "branchrelease"];

    public static SpecNode Root { get; } = Build();

    /// <summary>The <c>regions</c> node: {region: overrides} or a list of region names.</summary>
    public static SpecNode Regions { get; } = Root.Properties!["regions"];

    private static SpecNode Build()
    {
        var regions = new SpecNode
        {
            Types = JsonTypes.Object | JsonTypes.Array,
            KeyFormat = StringFormat.Region,
            Items = Formatted(StringFormat.Region, "region name"),
            UniqueItems = true,
            Expected = "an object {region: overrides} or a list of region names",
            Description = "regions of this env: {region: overrides} (use {} for none) or a list of region names",
        };
        var root = Obj(
            "runway/application-master-{env}.json: settings of one environment",
            ("$schema", Keys.SchemaKey),
            ("app", AppSpec.Block),
            ("asg", AsgSpec.Block),
            ("elb", ElbSpec.Block),
            ("qe", FreeObj("free-form settings for custom QE templates")),
            ("regions", regions),
            ("deploy_strategy", OneOf("deployment strategy", DeployStrategies)),
            ("security_group", NetworkSpec.SecurityGroup),
            ("security_groups", NetworkSpec.SecurityGroups),
            ("dns", NetworkSpec.Dns),
            ("lambda_triggers", LambdaTriggerSpec.List),
            ("s3", S3Spec.Block),
            ("datapipeline", Obj(
                "AWS Data Pipeline (type datapipeline)",
                ("name", Str("pipeline name; default: the app name")),
                ("description", Str("description")),
                ("activate_on_deploy", Bool("activate after putting the definition")),
                ("json_definition", FreeObj("console-exported pipeline definition")))),
            ("stepfunction", Obj(
                "Step Functions state machine (type stepfunction)",
                ("name", Str("state machine name; default: the app name")),
                ("statemachine_type", OneOf("state machine type (immutable)", "STANDARD", "EXPRESS")),
                ("json_definition", FreeObj("Amazon States Language definition")),
                ("tracing", Obj("X-Ray tracing", ("enabled", Bool("enable tracing")))),
                ("logging_configuration", FreeObj("Step Functions logging configuration")))),
            ("completion_webhooks", List(
                "webhook stages after the deploy (non-prod templates only)",
                Obj(
                    "a webhook",
                    ("url", Formatted(StringFormat.Url, "URL to call")),
                    ("name", Str("stage name")),
                    ("method", OneOfAnyCase("HTTP method", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")),
                    ("payload", FreeObj("request body")),
                    ("custom_headers", Map("request headers: name → value", Str("header value")))).Requires("url"))));

        // A region override may hold any env key; pointing back at the root keeps one definition (and "$ref": "#" in the schema).
        regions.Values = root;
        return root;
    }
}
