using static Foremast.Core.Validation.Spec.Keys;

namespace Foremast.Core.Validation.Spec;

/// <summary>Every key of <c>pipeline.json</c> (reference §4). The allowed <c>type</c> values come from the Foremast config, so they are checked by the validator, not here.</summary>
public static class PipelineSpec
{
    public static SpecNode Root { get; } = Obj(
        "runway/pipeline.json: pipeline-wide settings of one application",
        ("$schema", Keys.SchemaKey),
        ("type", Str("pipeline flavour: one of the configured aws_types, gcp_types or *_manual_types (ec2, lambda, s3, datapipeline, stepfunction, rolling, cloudfunction, manual by default)")),
        ("owner_email", Str("owner address, sent as tags.owner_email and OWNER_EMAIL")),
        ("documentation", Str("free text; not used by Foremast")),
        ("notifications", Obj(
            "deprecated v1 notifications; non-empty email or slack adds pipeline.failed notifications",
            ("email", Str("e-mail address")),
            ("slack", Str("slack channel")))),
        ("pipeline_notifications", List("Spinnaker notification objects, copied verbatim", FreeObj("a Spinnaker notification (type, address, when, ...)"))),
        ("promote_restrict", OneOf("who may promote (custom templates only)", "none", "masters-only", "members-only")),
        ("base", Str("base AMI alias resolved by the AMI lookup, or a literal AMI id")),
        ("env", List("ordered environments (Spinnaker accounts); each needs application-master-{env}.json", Formatted(StringFormat.EnvName, "env name"), unique: true)),
        ("primary_region", Formatted(StringFormat.Region, "region of the generic DNS record and the un-suffixed S3 bucket")),
        ("image", Obj(
            "bake settings",
            ("bake_instance_type", Str("instance type used to bake")),
            ("root_volume_size", Int("root volume size in GB", 1, 16384)),
            ("builder", Str("bake template builder (ebs, chroot)")))),
        ("lambda", Obj(
            "Lambda function settings (type lambda)",
            ("app_description", Str("function description")),
            ("runtime", Str("Lambda runtime, such as python3.9")),
            ("handler", Str("function handler")),
            ("vpc_enabled", Bool("attach the function to the VPC")),
            ("package_type", OneOf("deployment package kind", "zip", "image")))),
        ("services", Map(
            "IAM policy templates to attach: true, a resource name, or a list of resource names",
            new SpecNode
            {
                Types = JsonTypes.Boolean | JsonTypes.String | JsonTypes.Array,
                Items = new SpecNode { Types = JsonTypes.String | JsonTypes.Object, Description = "resource name, or a GCP role binding" },
                Description = "true, a resource name, or a list",
            })),
        ("pipeline_files", Strings("manual types: pipeline JSON or .json.j2 files")),
        ("template_variables", List("manual types: variables for the pipeline_files entry at the same index", FreeObj("template variables"))),
        ("chaos_monkey", Obj(
            "Chaos Monkey settings of the Spinnaker application",
            ("enabled", Bool("enable Chaos Monkey")),
            ("mean_time", Num("mean work days between kills", 0, 365)),
            ("minimum_time", Num("minimum work days between kills", 0, 365)),
            ("exceptions", Strings("accounts excluded from Chaos Monkey")))),
        ("instance_links", Map("instance links: title → path", Str("link path"))),
        ("permissions", Obj(
            "Fiat permissions of the Spinnaker application",
            ("read_roles", Strings("roles with read access")),
            ("write_roles", Strings("roles with write access")))),
        ("traffic_guards", Obj("traffic guards", ("accounts", Strings("accounts protected by a traffic guard")))),
        ("cloudfunction", Obj(
            "GCP Cloud Function settings (type cloudfunction)",
            ("project_name", Str("GCP project name, wildcards allowed")),
            ("entry_point", Str("function entry point")),
            ("runtime", Str("Cloud Functions runtime")))),
        ("config_commit", Str("set by the loader in GitLab mode")),
        ("deployment", Str("appears in Foremast docs; not used")));
}
