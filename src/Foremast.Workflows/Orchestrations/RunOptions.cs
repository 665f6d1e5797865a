namespace Foremast.Workflows.Orchestrations;

/// <summary>Per-run switches. The overrides exist because durable timers run in real time in tests.</summary>
/// <param name="DryRun">Passed to every stage request so an implementation can refuse to touch the cloud.</param>
/// <param name="CheckpointTimeout">Replaces every checkpoint's planned timeout (tests; never from user input).</param>
/// <param name="HealthPollInterval">First wait between deploy health checks; doubles up to eight times this.</param>
/// <param name="RetryFirstDelay">Replaces the first retry delay of every stage's retry policy (the attempt count stays).</param>
/// <param name="DeployTimeout">
/// Replaces every deploy stage's planned timeout (the StageCatalog's 1 h): how long a new server group may take to become
/// healthy before it is rolled back. Host configuration only (<c>Foremast:Tuning:DeployTimeout</c>), never from a request.
/// </param>
/// <param name="Notifications">Where the run's notifications go, read from its <c>pipeline.json</c> when it started.</param>
public sealed record RunOptions(
    bool DryRun = false,
    TimeSpan? CheckpointTimeout = null,
    TimeSpan? HealthPollInterval = null,
    TimeSpan? RetryFirstDelay = null,
    IReadOnlyList<Notifications.NotificationTarget>? Notifications = null,
    TimeSpan? DeployTimeout = null)
{
    public static readonly TimeSpan DefaultHealthPollInterval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan MaxHealthPollInterval = TimeSpan.FromMinutes(1);
}
