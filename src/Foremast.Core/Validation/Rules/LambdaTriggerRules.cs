using System.Text.Json.Nodes;
using Foremast.Core.Json;

namespace Foremast.Core.Validation.Rules;

/// <summary>Lambda event sources beyond their shape: schedule expressions AWS accepts, and the keys each kind needs to find its source.</summary>
internal sealed class LambdaTriggerRules(string file, ICollection<Diagnostic> diagnostics)
{
    public void Check(JsonObject doc, string path)
    {
        if (doc["lambda_triggers"] is not JsonArray triggers) return;
        for (var i = 0; i < triggers.Count; i++)
        {
            if (triggers[i] is not JsonObject trigger) continue;
            var at = JsonPaths.Index(JsonPaths.Child(path, "lambda_triggers"), i);
            switch (Layers.Text(trigger["type"]))
            {
                case "cloudwatch-event":
                    CheckEvent(trigger, at);
                    break;
                case "dynamodb-stream":
                    if (trigger["stream_arn"] is null && trigger["table_arn"] is null) Error(at, "missing required key \"stream_arn\" or \"table_arn\" (a dynamodb-stream trigger needs one to find its stream)");
                    CheckArn(trigger, "stream_arn", at, "dynamodb");
                    CheckArn(trigger, "table_arn", at, "dynamodb");
                    break;
                case "kinesis-stream":
                    CheckArn(trigger, "stream_arn", at, "kinesis");
                    if (Layers.Text(trigger["starting_position"]) == "AT_TIMESTAMP" && trigger["starting_position_timestamp"] is null)
                    {
                        Error(at, "missing required key \"starting_position_timestamp\" (starting_position AT_TIMESTAMP reads from that time)");
                    }

                    break;
                case "sqs":
                    CheckArn(trigger, "queue_arn", at, "sqs");
                    break;
                case "s3":
                    CheckS3(trigger, at);
                    break;
            }
        }
    }

    private void CheckEvent(JsonObject trigger, string at)
    {
        var ruleType = Layers.Text(trigger["rule_type"]);
        if (Layers.Text(trigger["schedule"]) is { } schedule && ScheduleExpression.Problem(schedule) is { } problem)
        {
            Error(JsonPaths.Child(at, "schedule"), $"{problem}, got string \"{schedule}\"");
        }

        if (ruleType == "event_pattern")
        {
            if (trigger["event_pattern"] is not JsonObject { Count: > 0 }) Error(at, "missing required key \"event_pattern\" (rule_type event_pattern needs a non-empty pattern object)");
        }
        else if (trigger["schedule"] is null && (ruleType == "schedule" || trigger["event_pattern"] is null))
        {
            Error(at, "missing required key \"schedule\" (a schedule rule needs a rate() or cron() expression)");
        }
    }

    private void CheckS3(JsonObject trigger, string at)
    {
        if (Layers.Text(trigger["bucket"]) is { } bucket && S3BucketName.Problem(bucket) is { } problem)
        {
            Error(JsonPaths.Child(at, "bucket"), $"expected a bucket name ({S3BucketName.Rules}), got string \"{bucket}\", which {problem}");
        }

        if (trigger["events"] is not JsonArray events) return;
        for (var j = 0; j < events.Count; j++)
        {
            if (Layers.Text(events[j]) is { } name && !name.StartsWith("s3:", StringComparison.Ordinal))
            {
                Error(JsonPaths.Index(JsonPaths.Child(at, "events"), j), $"expected an S3 event name such as \"s3:ObjectCreated:*\", got {JsonKinds.Describe(events[j])}");
            }
        }
    }

    /// <summary>An ARN must name the right service, or the event-source mapping fails at deploy.</summary>
    private void CheckArn(JsonObject trigger, string key, string at, string service)
    {
        if (Layers.Text(trigger[key]) is not { } arn) return;
        var parts = arn.Split(':');
        if (parts.Length >= 6 && parts[0] == "arn" && parts[1].StartsWith("aws", StringComparison.Ordinal) && parts[2] == service) return;
        Error(JsonPaths.Child(at, key), $"expected an ARN such as \"arn:aws:{service}:us-east-1:123456789012:...\", got {JsonKinds.Describe(trigger[key])}");
    }

    private void Error(string path, string message) => diagnostics.Add(Diagnostic.Error(file, path, message));
}
