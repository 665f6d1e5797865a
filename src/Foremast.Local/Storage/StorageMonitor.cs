using System.Globalization;
using DurableTask.Core;
using Foremast.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Foremast.Local.Storage;

/// <summary>
/// Probes the task hub's storage every <see cref="Interval"/> and keeps <see cref="StorageHealth"/> current, so the
/// API answers 503 at once during an outage, the engine logs one line when storage goes away and one when it is back,
/// and the storage provider's own per-poll failures are kept out of the log meanwhile (see <c>LocalEngine</c>).
/// </summary>
internal sealed class StorageMonitor(IOrchestrationServiceClient storage, StorageHealth health, ILogger<StorageMonitor> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>One slow lookup on a busy machine is not an outage; two in a row are.</summary>
    private const int FailuresForOutage = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await ProbeAsync(stoppingToken) is { } failure)
            {
                if (++failures >= FailuresForOutage) StorageGuard.ReportDown(health, log, failure);
            }
            else
            {
                failures = 0;
                StorageGuard.ReportUp(health, log);
            }

            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<string?> ProbeAsync(CancellationToken stoppingToken)
    {
        var probe = storage.GetOrchestrationStateAsync("foremast-storage-probe", allExecutions: false);
        try
        {
            await probe.WaitAsync(StorageGuard.ProbeBudget, stoppingToken);
            return null;
        }
        catch (TimeoutException)
        {
            // The lookup goes on through the storage SDK's retries; its failure is expected and must not surface as unobserved.
            _ = probe.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            return string.Create(CultureInfo.InvariantCulture, $"no answer within {StorageGuard.ProbeBudget.TotalSeconds:0} s");
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            return e.Message;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
