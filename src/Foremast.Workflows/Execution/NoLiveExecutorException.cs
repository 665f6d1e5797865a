namespace Foremast.Workflows.Execution;

/// <summary>A run that is not dry reached a stage this host can only record. Never retried: another attempt finds the same host.</summary>
public sealed class NoLiveExecutorException(string message) : InvalidOperationException(message);
