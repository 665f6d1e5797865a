using Microsoft.Extensions.Logging;

namespace Foremast.Workflows.Orchestrations;

internal static partial class WorkflowLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} notification to {Target} failed after its retries: {Error}")]
    public static partial void LogNotificationFailed(this ILogger logger, string kind, string target, string error);
}
