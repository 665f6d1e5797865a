namespace Foremast.Workflows.Notifications;

/// <summary><c>Foremast:Notifications</c>: the credentials senders need. None of it is ever logged or put in a status.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Foremast:Notifications";

    public SlackSettings Slack { get; set; } = new();

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Signs the generic <c>webhook</c> type's JSON body: <c>X-Foremast-Signature: sha256=&lt;hex HMAC&gt;</c>. Unset: webhook targets are not sent.</summary>
    public string? WebhookSigningKey { get; set; }

    /// <summary>Named addresses (<c>setting:NAME</c>), so a webhook URL can live in Key Vault instead of the repository.</summary>
    public Dictionary<string, string> Targets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Templates that override <c>templates/notifications/*</c> file by file.</summary>
    public string? TemplatesPath { get; set; }
}

public sealed class SlackSettings
{
    /// <summary>Bot token for channel addresses (<c>chat.postMessage</c>); webhook URL addresses need none.</summary>
    public string? Token { get; set; }

    /// <summary>Slack's Web API; tests point it at a loopback receiver.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    /// <summary>True: STARTTLS required (465: TLS on connect). False: plain SMTP, for a loopback relay only.</summary>
    public bool UseTls { get; set; } = true;
}
