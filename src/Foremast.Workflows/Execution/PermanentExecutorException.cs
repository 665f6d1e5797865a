namespace Foremast.Workflows.Execution;

/// <summary>
/// An executor failure that another attempt cannot fix (a permission or validation error from the cloud, a missing subnet,
/// an unknown profile): the stage's durable retry policy lets it through at once, so the person reads the one line sooner.
/// Transient faults never surface as this: the executors' own resilience pipelines absorb them first.
/// </summary>
public class PermanentExecutorException(string message, Exception? inner = null) : Exception(message, inner);
