namespace Foremast.Workflows.Status;

/// <summary>A gate that is waiting now: where to send the decision and when it expires.</summary>
/// <param name="InstanceId">The orchestration instance that waits (raise the event there).</param>
/// <param name="EventName">The external event name, <c>approval:{region}:{env}</c>.</param>
public sealed record OpenCheckpoint(string Stage, string Env, string InstanceId, string EventName, DateTime OpenedAt, DateTime ExpiresAt);
