namespace Foremast.Workflows.Notifications;

/// <summary>A target that could not be reached. The message names the type and only the host: webhook URLs are credentials.</summary>
public sealed class NotificationFailedException(string message, Exception? inner = null) : Exception(message, inner);
