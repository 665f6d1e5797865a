using static Foremast.Core.Validation.Spec.Keys;

namespace Foremast.Core.Validation.Spec;

/// <summary>The <c>app</c> block of application-master-{env}.json (reference §5.1).</summary>
internal static class AppSpec
{
    public static SpecNode Block { get; } = Obj(
        "application settings",
        ("app_description", Str("not used by Foremast", nullable: true)),
        ("approval_skip", Bool("skip the Checkpoint judgment, if base.env_configs allows it for this env")),
        ("approval_timeout", Int("judgment stage timeout in milliseconds (0 or null: the default)", 0, nullable: true)),
        ("approvers", Strings("who may decide this env's checkpoints when pipeline.json promote_restrict is members-only or masters-only (sign-in names or emails)", unique: true)),
        ("archaius_enabled", Bool("create the Archaius application.properties")),
        ("canary", Bool("render canary user data for custom templates")),
        ("custom_tags", Map(
            "tags for instances, Lambda, buckets and state machines",
            new SpecNode { Types = JsonTypes.String | JsonTypes.Number | JsonTypes.Boolean, Description = "tag value (AWS tags are text)", Expected = "a tag value (a string, number or true/false)" })),
        ("email", Str("not used by Foremast", nullable: true)),
        ("eureka_enabled", Bool("service discovery instead of ELB and DNS")),
        ("instance_profile", Str("IAM instance profile")),
        ("instance_type", Str("EC2 instance type")),
        ("lambda_concurrency_limit", Int("reserved concurrency", 0, nullable: true)),
        ("lambda_destinations", Obj(
            "asynchronous invocation destinations",
            ("OnSuccess", Obj("destination on success", ("Destination", Str("destination ARN")))),
            ("OnFailure", Obj("destination on failure", ("Destination", Str("destination ARN")))))),
        ("lambda_dlq", Obj("dead-letter queue", ("TargetArn", Str("queue or topic ARN")))),
        ("lambda_environment", FreeObj("function environment, {\"Variables\": {...}}")),
        ("lambda_filesystems", List(
            "EFS mounts",
            Obj("an EFS mount", ("Arn", Str("access point ARN")), ("LocalMountPath", Str("mount path"))).Requires("Arn", "LocalMountPath"))),
        ("lambda_layers", Strings("layer ARNs")),
        ("lambda_memory", IntOrDigits("memory in MB", 128, 10240)),
        ("lambda_role", Str("execution role name", nullable: true)),
        ("lambda_provisioned_throughput", Int("provisioned concurrency", 0, nullable: true)),
        ("lambda_subnet_count", Int("how many VPC subnets to use", 1, nullable: true)),
        ("lambda_subnet_purpose", Str("subnet purpose for VPC Lambdas")),
        ("lambda_timeout", IntOrDigits("timeout in seconds", 1, 900)),
        ("lambda_tracing", Obj("X-Ray tracing", ("Mode", OneOf("tracing mode", "Active", "PassThrough")))),
        ("cloudfunction_timeout", Str("Cloud Function timeout, such as \"60\" or \"60s\"").Or(JsonTypes.Integer, 1)),
        ("cloudfunction_memory_mb", IntOrDigits("Cloud Function memory in MB", 1)),
        ("cloudfunction_max_instances", IntOrDigits("Cloud Function instance limit (0: none)")),
        ("cloudfunction_vpc_connector", Str("not used by Foremast (see cloudfunction_vpc)", nullable: true)),
        ("cloudfunction_environment", FreeObj("Cloud Function environment variables")),
        ("cloudfunction_allow_unauthenticated", Bool("let allUsers invoke the function")),
        ("cloudfunction_iam_bindings", List(
            "function IAM policy bindings",
            Obj("a binding", ("members", Strings("members")), ("role", Str("role"))).Requires("members", "role"))),
        ("cloudfunction_ingress_type", Str("ingress settings")),
        ("cloudfunction_vpc", Obj(
            "VPC connector",
            ("connector", Map("connector path per region", Str("connector path"), StringFormat.Region)),
            ("egress_type", Str("egress settings")))),
        ("cloudfunction_event_trigger", Obj(
            "event trigger (absent: HTTPS trigger)",
            ("event_type", Str("event type")),
            ("resource", Str("resource, prefixed with projects/{id}/")),
            ("service", Str("service")),
            ("failure_policy", Obj("failure policy", ("retry", new SpecNode { Types = JsonTypes.Object | JsonTypes.Boolean, Description = "retry on failure" })))).Requires("event_type", "resource")));
}
