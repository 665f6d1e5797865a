namespace Foremast.Local;

/// <summary>
/// Settings of the local engine, bound from <c>Foremast:Local</c> (appsettings, <c>Foremast__Local__*</c> environment
/// variables, or the <c>foremast serve</c> flags). The defaults are tuned for one developer machine and for CI:
/// short leases and visibility timeouts, so that a crashed engine's work is picked up again within 30 s.
/// </summary>
public sealed class LocalEngineOptions
{
    public const string Section = "Foremast:Local";

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>Null means Azurite on 127.0.0.1:10000-10002, started by the engine when nothing listens there.</summary>
    public string? StorageConnectionString { get; set; }

    public string TaskHub { get; set; } = "ForemastLocal";

    /// <summary>Loopback by default: the HTTP API has no authentication of its own.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>HTTP port of the API; 0 lets the OS choose (the chosen URL is printed and exposed by <see cref="LocalEngine"/>).</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Control queues; the number of engines that can share orchestration work is at most this.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>A killed engine's partitions are free for another engine after this long.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A message a killed engine had dequeued becomes visible again after this long (the provider's default is 5 min).</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Upper bound of the idle queue back-off: how late new work may be noticed on a quiet engine.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Graceful stop budget; after it the process exits and unfinished work items are retried elsewhere.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Identity in the partition lease table. Null means machine name plus process id: two engines on one machine must
    /// never share an id, or both would think they own the same partitions.
    /// </summary>
    public string? WorkerId { get; set; }

    /// <summary>False: only the API and <see cref="Microsoft.DurableTask.Client.DurableTaskClient"/>, no work is processed here.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>
    /// Whether runs whose start request does not say are dry runs (the default for <c>Foremast:DryRun</c>). A request
    /// that says decides for itself. On by default: a run that is not dry needs live executors, and without them fails
    /// its first cloud stage.
    /// </summary>
    public bool DryRun { get; set; } = true;

    /// <summary>When set, dry-run actions are appended to this file (JSON lines), so they survive a crash of the engine.</summary>
    public string? ActionsLog { get; set; }

    /// <summary>Where to find the Azurite command when the engine starts Azurite itself; null searches node_modules upwards.</summary>
    public string? AzuriteCommand { get; set; }

    /// <summary>Where the approval signing key is kept when <c>Foremast:Approvals:SigningKey</c> is not set; null means ~/.foremast/approval.key.</summary>
    public string? ApprovalKeyFile { get; set; }

    /// <summary>List open gates' approval links in <c>GET /api/runs/{id}</c> (what <c>foremast run</c> prints and follows).</summary>
    public bool ApprovalLinksInStatus { get; set; } = true;

    public string EffectiveConnectionString => string.IsNullOrWhiteSpace(StorageConnectionString) ? DevelopmentStorage : StorageConnectionString;

    public string EffectiveWorkerId => string.IsNullOrWhiteSpace(WorkerId) ? $"{Environment.MachineName}-{Environment.ProcessId}" : WorkerId;
}
