using static Foremast.Core.Validation.Spec.Keys;

namespace Foremast.Core.Validation.Spec;

/// <summary>The <c>s3</c> block of type s3 applications (reference §5.6).</summary>
internal static class S3Spec
{
    public static SpecNode Block { get; } = Obj(
        "static site bucket settings",
        ("shared_bucket_master", Bool("own the shared bucket common-{project}")),
        ("shared_bucket_target", Str("deploy into this app's shared bucket")),
        ("bucket_name", Str("explicit bucket name")),
        ("path", Str("deploy prefix in the default bucket")),
        ("bucket_acl", OneOf(
            "canned ACL",
            "private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read", "bucket-owner-read", "bucket-owner-full-control", "log-delivery-write")),
        ("bucket_policy", FreeObj("bucket policy document; {} deletes it")),
        ("content_metadata", List(
            "extra sync passes with a content encoding",
            Obj("a path and its encoding", ("path", Str("path")), ("content-encoding", Str("content encoding"))).Requires("path", "content-encoding"))),
        ("cors", Obj(
            "CORS (applied only with website.enabled)",
            ("enabled", Bool("enable CORS")),
            ("cors_rules", List(
                "CORS rules",
                Obj(
                    "a CORS rule",
                    ("cors_headers", Strings("allowed headers")),
                    ("cors_methods", List("allowed methods", OneOf("method", "GET", "PUT", "POST", "DELETE", "HEAD"))),
                    ("cors_origins", Strings("allowed origins")),
                    ("cors_expose_headers", Strings("exposed headers")),
                    ("cors_max_age", Int("preflight cache seconds"))))))),
        ("encryption", Obj(
            "default encryption",
            ("enabled", Bool("enable default encryption")),
            ("encryption_rules", List("S3 encryption rules", FreeObj("an S3 encryption rule"))))),
        ("lifecycle", Obj(
            "lifecycle rules",
            ("enabled", Bool("enable lifecycle rules")),
            ("lifecycle_rules", List("S3 lifecycle rules", FreeObj("an S3 lifecycle rule"))))),
        ("logging", Obj(
            "access logging",
            ("enabled", Bool("enable access logging")),
            ("logging_grants", List("S3 logging grants", FreeObj("an S3 logging grant"))),
            ("logging_bucket", Str("target bucket")),
            ("logging_bucket_prefix", Str("target prefix")))),
        ("notification", Obj(
            "bucket notifications",
            ("enabled", Bool("enable notifications")),
            ("topic_configurations", List("SNS configurations", FreeObj("an S3 topic configuration"))),
            ("queue_configurations", List("SQS configurations", FreeObj("an S3 queue configuration"))),
            ("lambda_configurations", List("Lambda configurations", FreeObj("an S3 Lambda configuration"))))),
        ("tagging", Obj("bucket tags", ("tags", Map("tag → value", Str("tag value"))))),
        ("versioning", Obj(
            "versioning",
            ("enabled", Bool("enable versioning")),
            ("mfa_delete", OneOf("MFA delete", "Enabled", "Disabled")))),
        ("website", Obj(
            "static website hosting",
            ("enabled", Bool("enable website hosting")),
            ("index_suffix", Str("index document")),
            ("error_document", Str("error document")))));
}
