namespace Foremast.Local.Tests.Support;

/// <summary>One task hub per test: tests run in parallel against one Azurite and must never see each other's work.</summary>
public static class TestHubs
{
    public static string New(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 16, 45)];

    /// <summary>
    /// Lease and visibility timings for tests: a killed engine's partitions and dequeued messages are free again within
    /// seconds instead of the engine's defaults (15 s), so a kill -9 test takes seconds, not half a minute.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FastRecovery { get; } = new Dictionary<string, string>
    {
        ["Foremast__Local__LeaseInterval"] = "00:00:06",
        ["Foremast__Local__LeaseRenewInterval"] = "00:00:02",
        ["Foremast__Local__LeaseAcquireInterval"] = "00:00:01",
        ["Foremast__Local__ControlQueueVisibilityTimeout"] = "00:00:08",
        ["Foremast__Local__WorkItemQueueVisibilityTimeout"] = "00:00:08",
        ["Foremast__Local__MaxQueuePollingInterval"] = "00:00:00.500",
    };
}
