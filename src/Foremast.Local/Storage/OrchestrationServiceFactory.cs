using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace Foremast.Local.Storage;

/// <summary>The Azure Storage provider, with the engine's lease and queue timings instead of the provider's production defaults.</summary>
internal static class OrchestrationServiceFactory
{
    public static AzureStorageOrchestrationService Create(LocalEngineOptions o, ILoggerFactory loggerFactory) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = o.TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(o.EffectiveConnectionString),
            WorkerId = o.EffectiveWorkerId,
            PartitionCount = o.PartitionCount,
            LeaseInterval = o.LeaseInterval,
            LeaseRenewInterval = o.LeaseRenewInterval,
            LeaseAcquireInterval = o.LeaseAcquireInterval,
            ControlQueueVisibilityTimeout = o.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = o.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = o.MaxQueuePollingInterval,
            LoggerFactory = loggerFactory,
        });
}
