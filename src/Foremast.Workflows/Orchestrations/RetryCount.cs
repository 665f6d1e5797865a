namespace Foremast.Workflows.Orchestrations;

/// <summary>
/// How many times a stage's failed activity calls were tried again, for its status. Orchestration state: the retry
/// handler of <see cref="StageRetry"/> counts each retry it grants, and a replay grants the same retries from the
/// history, so the count is rebuilt identically; nothing is read from outside the orchestration.
/// </summary>
public sealed class RetryCount
{
    public int Retries { get; private set; }

    public void Retried() => Retries++;

    /// <summary>Retries a sub-orchestration counted on its own (bake, infrastructure, deploy) and returned with its result.</summary>
    public void Add(int retries) => Retries += retries;
}
