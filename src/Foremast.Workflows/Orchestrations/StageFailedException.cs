namespace Foremast.Workflows.Orchestrations;

/// <summary>A stage ended unsuccessfully without an activity exception (e.g. a deploy that never became healthy).</summary>
public sealed class StageFailedException(string message) : Exception(message);
