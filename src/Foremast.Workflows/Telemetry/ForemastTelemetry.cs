using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Foremast.Workflows.Telemetry;

/// <summary>
/// The engine's traces and metrics, under one name (<see cref="Name"/>) for both the <see cref="ActivitySource"/> and the
/// <see cref="Meter"/>. Nothing is collected unless a listener subscribes (the hosts' OpenTelemetry setup, or a test).
/// Metric tags stay low-cardinality (app, region, env, stage kind, outcome); run ids go on spans only.
/// </summary>
public static class ForemastTelemetry
{
    public const string Name = "Foremast";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>("foremast.runs.started", "{run}", "Runs whose orchestration started");

    /// <summary>Runs that ended without failing: <c>foremast.outcome</c> = succeeded or stopped (a checkpoint rejected or expired).</summary>
    public static readonly Counter<long> RunsCompleted = Meter.CreateCounter<long>("foremast.runs.completed", "{run}", "Runs that ended succeeded or stopped");

    public static readonly Counter<long> RunsFailed = Meter.CreateCounter<long>("foremast.runs.failed", "{run}", "Runs that ended failed");

    public static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("foremast.run.duration", "s", "Run duration, start to end, in orchestration time");

    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("foremast.stage.duration", "s", "Stage duration by kind and state, in orchestration time");

    public static readonly Histogram<double> CheckpointWait = Meter.CreateHistogram<double>("foremast.checkpoint.wait", "s", "Time a checkpoint stayed open, by outcome");

    public static readonly Counter<long> AwsCalls = Meter.CreateCounter<long>("foremast.aws.calls", "{call}", "AWS API calls sent (each retry attempt counts once more in foremast.aws.retries)");

    public static readonly Histogram<double> AwsCallDuration = Meter.CreateHistogram<double>("foremast.aws.call.duration", "s", "AWS API call duration including retries");

    public static readonly Counter<long> AwsRetries = Meter.CreateCounter<long>("foremast.aws.retries", "{retry}", "AWS API attempts retried (throttling, 5xx, timeouts, dropped connections)");

    // Tag names, shared by spans, metrics and log scopes.
    public const string RunIdTag = "foremast.run.id";
    public const string AppTag = "foremast.app";
    public const string RegionTag = "foremast.region";
    public const string EnvTag = "foremast.env";
    public const string StageTag = "foremast.stage";
    public const string StageKindTag = "foremast.stage.kind";
    public const string OutcomeTag = "foremast.outcome";
    public const string AwsServiceTag = "aws.service";
    public const string AwsOperationTag = "aws.operation";
    public const string AwsStatusTag = "http.response.status_code";
    public const string AwsRetryReasonTag = "foremast.aws.retry.reason";
}
