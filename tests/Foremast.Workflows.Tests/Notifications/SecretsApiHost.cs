namespace Foremast.Workflows.Tests.Notifications;

/// <summary>The notification host with an SMTP server that requires sign-in, so the engine uses every secret it has.</summary>
public sealed class SecretsApiHost() : NotificationApiHost(SmtpUserName, SmtpSecret)
{
    public const string SmtpUserName = "foremast-mailer";
    public const string SmtpSecret = "smtp-password-never-shown";
}
