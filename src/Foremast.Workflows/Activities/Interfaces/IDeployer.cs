using System.Text.Json.Serialization;

namespace Foremast.Workflows.Activities.Interfaces;

/// <summary>What a started deploy returns, so later health checks can find it.</summary>
public sealed record DeployHandle(string ServerGroup, string Region, string Env);

[JsonConverter(typeof(JsonStringEnumConverter<HealthState>))]
public enum HealthState
{
    Pending,
    Healthy,

    /// <summary>The deploy cannot become healthy any more (instances terminated, rollback): stop polling.</summary>
    Failed,
}

public sealed record DeployHealth(HealthState State, string Detail);

/// <summary>Starts a deploy and answers short health checks; the waiting itself is the orchestration's (durable timers).</summary>
public interface IDeployer
{
    Task<DeployHandle> StartAsync(StageRequest request, string? imageId, CancellationToken cancellationToken);

    /// <param name="probe">
    /// Which probe of this deploy it is (1 for the first), counted by the deploy orchestration: durable state that a restarted
    /// or another engine continues, where a counter in the executor's memory would start over.
    /// </param>
    Task<DeployHealth> CheckHealthAsync(StageRequest request, DeployHandle handle, int probe, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a server group that never became healthy and gives the previous one its traffic back.
    /// Idempotent: a repeated call finds the group gone and changes nothing.
    /// </summary>
    /// <returns>One line for the stage's error: what was removed and who serves now.</returns>
    Task<string> RollbackAsync(StageRequest request, DeployHandle handle, string reason, CancellationToken cancellationToken);
}
