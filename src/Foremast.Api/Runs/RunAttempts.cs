using System.Globalization;
using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Runs;

/// <summary>
/// A rerun is a new instance <c>{runId}-r{N}</c> beside the original, never a restart of it: the original id keeps
/// naming the first run, so a redelivered hook or a repeated start request still finds that run and starts nothing.
/// Original ids end in their hex hash or <c>-dry</c>, so a <c>-r{N}</c> suffix is never part of one.
/// </summary>
public static class RunAttempts
{
    private const string Marker = "-r";

    public static string Id(string originalRunId, int attempt) => string.Create(CultureInfo.InvariantCulture, $"{originalRunId}{Marker}{attempt}");

    /// <summary>The run an attempt repeats; an original run id is its own original.</summary>
    public static string Original(string runId)
    {
        var at = runId.LastIndexOf(Marker, StringComparison.Ordinal);
        return at > 0 && Number(runId[..at], runId) is not null ? runId[..at] : runId;
    }

    /// <summary>N of <c>{original}-r{N}</c>; null for any other id (the original itself, another run, a region instance).</summary>
    public static int? Number(string originalRunId, string runId)
    {
        if (!runId.StartsWith(originalRunId + Marker, StringComparison.Ordinal)) return null;
        var digits = runId[(originalRunId.Length + Marker.Length)..];
        return digits.Length > 0 && digits[0] != '0' && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>Every attempt of <paramref name="originalRunId"/> so far, oldest first (the original itself not included).</summary>
    public static async Task<IReadOnlyList<OrchestrationMetadata>> ListAsync(DurableTaskClient client, string originalRunId, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = originalRunId + Marker, PageSize = 100 };
        var attempts = new List<(int N, OrchestrationMetadata Instance)>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.Name == nameof(DeploymentRunOrchestrator) && Number(originalRunId, instance.InstanceId) is { } n) attempts.Add((n, instance));
        }

        return attempts.OrderBy(a => a.N).Select(a => a.Instance).ToList();
    }

    public static bool IsActive(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;
}
