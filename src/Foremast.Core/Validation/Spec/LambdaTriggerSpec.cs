using static Foremast.Core.Validation.Spec.Keys;

namespace Foremast.Core.Validation.Spec;

/// <summary><c>lambda_triggers</c> items, told apart by <c>type</c> (reference §5.5).</summary>
internal static class LambdaTriggerSpec
{
    private static readonly string[] StartingPositions = ["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"];

    public static SpecNode List { get; } = Keys.List("Lambda event sources", Trigger());

    private static SpecNode Trigger() => Tagged(
        "an event source, selected by type",
        "type",
        ("api-gateway", Obj(
            "API Gateway method",
            ("api_name", Str("REST API name")),
            ("resource", Str("resource path such as /items")),
            ("method", Str("HTTP method")),
            ("api_type", Str("integration type"))).Requires("api_name")),
        ("cloudwatch-event", Obj(
            "CloudWatch Events rule",
            ("rule_name", Str("rule name")),
            ("rule_type", OneOf("rule kind", "schedule", "event_pattern")),
            ("schedule", Str("rate() or cron() expression")),
            ("event_pattern", FreeObj("event pattern")),
            ("rule_description", Str("rule description")),
            ("json_input", new SpecNode { Types = JsonTypes.String | JsonTypes.Object, Description = "constant target input" })).Requires("rule_name")),
        ("cloudwatch-logs", Obj(
            "CloudWatch Logs subscription",
            ("log_group", Str("log group")),
            ("filter_name", Str("filter name")),
            ("filter_pattern", Str("filter pattern"))).Requires("log_group", "filter_name", "filter_pattern")),
        ("dynamodb-stream", Stream("DynamoDB stream", ("table_arn", Str("table ARN; its latest stream is used")))),
        ("kinesis-stream", Stream("Kinesis stream", ("starting_position_timestamp", Num("AT_TIMESTAMP start, epoch seconds"))).Requires("stream_arn")),
        ("sqs", Obj(
            "SQS queue",
            ("queue_arn", Str("queue ARN")),
            ("batch_size", Int("records per batch", 1, 10000))).Requires("queue_arn")),
        ("sns", Obj("SNS subscription", ("topic", Str("topic name"))).Requires("topic")),
        ("s3", Obj(
            "S3 bucket notification",
            ("bucket", Str("bucket name")),
            ("events", Strings("event names such as s3:ObjectCreated:*")),
            ("prefix", Str("key prefix filter")),
            ("suffix", Str("key suffix filter"))).Requires("bucket")));

    private static SpecNode Stream(string description, (string Key, SpecNode Node) extra) => Obj(
        description,
        ("stream_arn", Str("stream ARN")),
        extra,
        ("batch_size", Int("records per batch", 1, 10000)),
        ("batch_window", Int("batching window in seconds", 0, 300)),
        ("starting_position", OneOf("where to start reading", StartingPositions)),
        ("split_on_error", Bool("bisect a failing batch")),
        ("max_retry", Int("retries (-1: until the record expires)", -1, 10000)),
        ("destination_config", FreeObj("on-failure destination")),
        ("max_record_age", Int("oldest record to process, in seconds (-1: no limit)", -1, 604800)),
        ("parallelization_factor", Int("concurrent batches per shard", 1, 10)));
}
