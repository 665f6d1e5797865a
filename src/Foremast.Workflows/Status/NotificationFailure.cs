namespace Foremast.Workflows.Status;

/// <summary>
/// A notification that still failed after its retries, kept on the run's status (run events) or its region's status
/// (checkpoint events). It never fails the deployment.
/// </summary>
/// <param name="Event">The notification's event, e.g. <c>checkpoint.waiting</c>.</param>
/// <param name="Target">The target's type and host only (<c>microsoftteams to hooks.example.com</c>): webhook URLs are credentials.</param>
/// <param name="Error">The last attempt's error, naming only the host.</param>
/// <param name="Attempts">How many times delivery was tried.</param>
public sealed record NotificationFailure(string Event, string Target, string Error, DateTime At, int Attempts, string? Region = null, string? Env = null);
