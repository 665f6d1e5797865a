namespace Foremast.Workflows.Orchestrations;

/// <summary>A stage ended unsuccessfully without an activity exception (e.g. a deploy that never became healthy).</summary>
/// <param name="changes">What the stage had already done, for its status (e.g. the infrastructure phases that completed).</param>
public sealed class StageFailedException(string message, IReadOnlyList<string>? changes = null) : Exception(message)
{
    public IReadOnlyList<string> Changes { get; } = changes ?? [];
}
