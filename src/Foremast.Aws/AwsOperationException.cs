using Foremast.Workflows.Execution;
namespace Foremast.Aws;

/// <summary>An AWS call of an executor failed for good: the one line a stage shows (resource, operation, AWS code and message).</summary>
public sealed class AwsOperationException(string message, Exception? inner = null) : PermanentExecutorException(message, inner);
