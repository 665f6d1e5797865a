namespace Foremast.Workflows.Orchestrations;

/// <summary>A stage ran past its definition's timeout (the durable timer won the race).</summary>
public sealed class StageTimeoutException(string stage, TimeSpan timeout)
    : Exception($"{stage} did not finish within {timeout}");
