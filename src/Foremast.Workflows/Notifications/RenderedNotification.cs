namespace Foremast.Workflows.Notifications;

/// <summary>A message rendered once from the templates; every sender builds its payload from these parts.</summary>
public sealed record RenderedNotification(NotificationMessage Message, string Title, string Text, string Html);
