namespace Foremast.Workflows.Notifications;

/// <summary>A target that could not be reached. The message says why and never holds the target's URL: webhook URLs are credentials.</summary>
public sealed class NotificationFailedException(string message, Exception? inner = null) : Exception(message, inner);
