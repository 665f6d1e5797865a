using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Workflows.Webhooks;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Foremast.Workflows.Notifications;

/// <summary>
/// Delivers one rendered notification to one target: Slack (incoming webhook, or a channel through the Web API with
/// the bot token), Teams and Google Chat (incoming webhooks), our signed JSON webhook, and email over SMTP (MailKit,
/// plain text and HTML). Any failure is a <see cref="NotificationFailedException"/> saying why, never with the
/// target's URL in it (the caller names the target, by host).
/// </summary>
public sealed class NotificationSender(HttpClient http, NotificationOptions options)
{
    public async Task SendAsync(NotificationTarget target, RenderedNotification rendered, CancellationToken cancellationToken)
    {
        try
        {
            var address = NotificationDestinations.Resolve(target.Address, options);
            switch (target.Type)
            {
                case "slack" when NotificationDestinations.IsUrl(address):
                    await PostAsync(address, NotificationPayloads.Slack(rendered), null, cancellationToken);
                    break;
                case "slack":
                    await PostSlackApiAsync(address, rendered, cancellationToken);
                    break;
                case "microsoftteams":
                    await PostAsync(Url(address, target), NotificationPayloads.Teams(rendered), null, cancellationToken);
                    break;
                case "googlechat":
                    await PostAsync(Url(address, target), NotificationPayloads.GoogleChat(rendered), null, cancellationToken);
                    break;
                case "webhook":
                    var key = options.WebhookSigningKey is { Length: > 0 } k ? k : throw new NotificationFailedException("Foremast:Notifications:WebhookSigningKey is not set");
                    await PostAsync(Url(address, target), NotificationPayloads.Webhook(rendered), key, cancellationToken);
                    break;
                case "email":
                    await MailAsync(address, rendered, cancellationToken);
                    break;
                default:
                    throw new NotificationFailedException($"type {target.Type} is not delivered by this engine");
            }
        }
        catch (Exception e) when (e is not NotificationFailedException && !cancellationToken.IsCancellationRequested)
        {
            // Exception texts can hold the URL (or a mailbox, a query string); none of it goes out: only what failed and how, by host.
            throw new NotificationFailedException(Describe(e, target.Address, options));
        }
    }

    private static string Url(string address, NotificationTarget target) =>
        NotificationDestinations.IsUrl(address) ? address : throw new NotificationFailedException($"a {target.Type} address must be an http or https URL (or setting:NAME)");

    private async Task PostAsync(string url, JsonObject payload, string? signingKey, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (signingKey is not null) request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, signingKey));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) throw new NotificationFailedException($"HTTP {(int)response.StatusCode} {Clip(await response.Content.ReadAsStringAsync(cancellationToken))}".TrimEnd());
    }

    /// <summary>A channel name: <c>chat.postMessage</c> with the bot token; Slack answers 200 with <c>ok: false</c> on errors.</summary>
    private async Task PostSlackApiAsync(string channel, RenderedNotification rendered, CancellationToken cancellationToken)
    {
        var token = options.Slack.Token is { Length: > 0 } t ? t : throw new NotificationFailedException("a Slack channel needs Foremast:Notifications:Slack:Token (or use an incoming-webhook URL)");
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Slack.ApiBaseUrl.TrimEnd('/') + "/chat.postMessage")
        {
            Content = new StringContent(NotificationPayloads.Slack(rendered, channel).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new NotificationFailedException($"HTTP {(int)response.StatusCode}");
        using var json = JsonDocument.Parse(text);
        if (!json.RootElement.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
        {
            throw new NotificationFailedException($"Slack answered {(json.RootElement.TryGetProperty("error", out var error) ? error.GetString() : "not ok")}");
        }
    }

    private async Task MailAsync(string addresses, RenderedNotification rendered, CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        if (smtp.Host is not { Length: > 0 } host || smtp.From is not { Length: > 0 } from)
        {
            throw new NotificationFailedException("email needs Foremast:Notifications:Smtp:Host and :From");
        }

        var message = new MimeMessage { Subject = rendered.Title };
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var to in addresses.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) message.To.Add(MailboxAddress.Parse(to));
        // multipart/alternative, text first: clients show the last part they can display.
        message.Body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html }.ToMessageBody();

        using var client = new SmtpClient();
        // Explicit modes, so a server without TLS fails loudly instead of silently sending in clear text.
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(host, smtp.Port, security, cancellationToken);
        if (smtp.User is { Length: > 0 } user) await client.AuthenticateAsync(user, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static string Describe(Exception e, string address, NotificationOptions options) => e switch
    {
        TaskCanceledException => "no answer in time",
        HttpRequestException { HttpRequestError: var error } => $"request failed ({error})",
        _ => $"{e.GetType().Name}: {Scrub(Clip(e.Message), address, options)}",
    };

    /// <summary>Takes the address (and what a <c>setting:</c> name resolves to) and the sender's own secrets out of an error text.</summary>
    private static string Scrub(string text, string address, NotificationOptions options)
    {
        var resolved = address.StartsWith("setting:", StringComparison.OrdinalIgnoreCase) && options.Targets.TryGetValue(address["setting:".Length..], out var value) ? value : address;
        foreach (var secret in new[] { resolved, options.Slack.Token, options.Smtp.Password, options.WebhookSigningKey })
        {
            if (secret is { Length: > 0 }) text = text.Replace(secret, NotificationDestinations.RedactUrl(secret) == secret ? "***" : NotificationDestinations.RedactUrl(secret), StringComparison.Ordinal);
        }

        return text;
    }

    private static string Clip(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200];
    }
}
