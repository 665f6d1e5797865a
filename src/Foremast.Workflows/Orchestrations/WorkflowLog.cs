using Microsoft.Extensions.Logging;

namespace Foremast.Workflows.Orchestrations;

internal static partial class WorkflowLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} notification for {Stage} failed: {Error}")]
    public static partial void LogNotificationFailed(this ILogger logger, string kind, string stage, string error);
}
