using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Foremast.Local.Worker;

/// <summary>
/// The worker target of <c>AddDurableTaskWorker</c>: it receives the factory built from the same DurableTaskRegistry
/// (<c>AddForemastTasks</c>) the Functions app and the test host use, and runs those classes on DurableTask.Core's
/// TaskHubWorker, i.e. the dispatchers the Functions host runs over Azure Storage. Replay, leases and retries therefore
/// behave as in production. It also creates the task hub, even when this engine is client-only.
/// </summary>
internal sealed class CoreTaskHubWorker : DurableTaskWorker
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly LocalEngineOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private readonly ShimmedOrchestrations _orchestrations;
    private readonly ShimmedActivities _activities;
    private TaskHubWorker? _worker;

    public CoreTaskHubWorker(
        string name,
        IDurableTaskFactory factory,
        AzureStorageOrchestrationService service,
        IOptions<LocalEngineOptions> options,
        IOptionsMonitor<DurableTaskWorkerOptions> workerOptions,
        ILoggerFactory loggerFactory,
        IServiceProvider services)
        : base(name, factory)
    {
        _service = service;
        _options = options.Value;
        _loggerFactory = loggerFactory;
        _log = loggerFactory.CreateLogger("Foremast.Local.Engine");
        var shims = new DurableTaskShimFactory(workerOptions.Get(name), loggerFactory);
        _orchestrations = new ShimmedOrchestrations(factory, shims, services);
        _activities = new ShimmedActivities(factory, shims, services);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Done before the HTTP listener opens (hosted services start first), so no API call can meet a missing hub.
        await _service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
        if (!_options.RunWorker) return;

        _worker = new TaskHubWorker(_service, _orchestrations, _activities, _loggerFactory)
        {
            // The workflow code reads TaskFailedException.FailureDetails; the shims fill it in only in this mode.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        await _worker.StartAsync().WaitAsync(cancellationToken);
        _log.LogInformation("worker {WorkerId} started on task hub {TaskHub}", _options.EffectiveWorkerId, _options.TaskHub);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is null) return;

        // A graceful stop releases the partition leases at once, so another engine takes over without waiting for expiry.
        // When the host's shutdown budget runs out, in-flight work items are left; their messages reappear after the visibility timeout.
        try
        {
            await _worker.StopAsync(isForced: false).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _log.LogWarning("worker {WorkerId} did not stop within the shutdown timeout; unfinished work will be retried", _options.EffectiveWorkerId);
        }
    }

    /// <summary>Nothing to run in the background: DurableTask.Core's dispatchers have their own loops.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
