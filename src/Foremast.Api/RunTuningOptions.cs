namespace Foremast.Api;

/// <summary>
/// Operator-only overrides of a run's waits (development engines and tests, where durable timers run in real time).
/// They come from host configuration only; request bodies can never set them.
/// </summary>
public sealed class RunTuningOptions
{
    public TimeSpan? CheckpointTimeout { get; set; }

    public TimeSpan? HealthPollInterval { get; set; }

    public TimeSpan? RetryFirstDelay { get; set; }

    /// <summary>Replaces the deploy stages' planned timeout (how long a new server group may take to become healthy).</summary>
    public TimeSpan? DeployTimeout { get; set; }
}
