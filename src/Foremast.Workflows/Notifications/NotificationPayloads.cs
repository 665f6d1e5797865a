using System.Text.Json.Nodes;

namespace Foremast.Workflows.Notifications;

/// <summary>
/// The JSON each chat service takes (shapes from their incoming-webhook docs): the rendered title and text, and the
/// approval link as a button that opens the approval page. Slack unfurling is off: its crawler would fetch the link.
/// </summary>
public static class NotificationPayloads
{
    public const string ButtonLabel = "Review and decide";

    public static JsonObject Slack(RenderedNotification n, string? channel = null)
    {
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(Clip(n.Title, 150)) },
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Clip(SlackEscape(n.Text), 3000) } },
        };
        if (n.Message.ApprovalUrl is { } url)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray { new JsonObject { ["type"] = "button", ["text"] = PlainText(ButtonLabel), ["url"] = url, ["style"] = "primary", ["action_id"] = "open_approval" } },
            });
        }

        var payload = new JsonObject { ["text"] = n.Text, ["blocks"] = blocks, ["unfurl_links"] = false, ["unfurl_media"] = false };
        if (channel is not null) payload["channel"] = channel;
        return payload;
    }

    /// <summary>The message envelope a Teams Workflows webhook reads, with an Adaptive Card 1.4.</summary>
    public static JsonObject Teams(RenderedNotification n)
    {
        var actions = new JsonArray();
        if (n.Message.ApprovalUrl is { } url) actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = ButtonLabel, ["url"] = url });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = n.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = n.Text, ["wrap"] = true },
            },
            ["actions"] = actions,
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray { new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card } },
        };
    }

    /// <summary>Google Chat: text plus a card with an <c>openLink</c> button; one thread per run and env.</summary>
    public static JsonObject GoogleChat(RenderedNotification n)
    {
        var widgets = new JsonArray { new JsonObject { ["textParagraph"] = new JsonObject { ["text"] = System.Net.WebUtility.HtmlEncode(n.Text).Replace("\n", "<br>") } } };
        if (n.Message.ApprovalUrl is { } url)
        {
            widgets.Add(new JsonObject
            {
                ["buttonList"] = new JsonObject
                {
                    ["buttons"] = new JsonArray { new JsonObject { ["text"] = ButtonLabel, ["onClick"] = new JsonObject { ["openLink"] = new JsonObject { ["url"] = url } } } },
                },
            });
        }

        return new JsonObject
        {
            ["text"] = n.Message.ApprovalUrl is { } link ? $"{n.Title}. <{link}|{ButtonLabel}>" : n.Title,
            ["thread"] = new JsonObject { ["threadKey"] = $"{n.Message.RunId}-{n.Message.Env ?? "run"}" },
            ["cardsV2"] = new JsonArray
            {
                new JsonObject
                {
                    ["cardId"] = $"foremast-{n.Message.Event}",
                    ["card"] = new JsonObject
                    {
                        ["header"] = new JsonObject { ["title"] = n.Title, ["subtitle"] = $"{n.Message.App} · {n.Message.RunId}" },
                        ["sections"] = new JsonArray { new JsonObject { ["widgets"] = widgets } },
                    },
                },
            },
        };
    }

    /// <summary>Our own signed webhook: the facts as fields, plus the rendered title and text.</summary>
    public static JsonObject Webhook(RenderedNotification n) => new()
    {
        ["event"] = n.Message.Event,
        ["runId"] = n.Message.RunId,
        ["app"] = n.Message.App,
        ["region"] = n.Message.Region,
        ["env"] = n.Message.Env,
        ["stage"] = n.Message.Stage,
        ["approvalUrl"] = n.Message.ApprovalUrl,
        ["expiresAt"] = n.Message.ExpiresAt,
        ["decision"] = n.Message.Decision,
        ["decided"] = n.Message.Decided is { } d
            ? new JsonObject
            {
                ["verdict"] = d.Verdict.ToString().ToLowerInvariant(),
                ["by"] = d.By,
                ["verified"] = d.Verified,
                ["at"] = d.At,
                ["comment"] = d.Comment,
                ["source"] = d.Source,
                ["forwardedFor"] = d.ForwardedFor,
            }
            : null,
        ["rehearsal"] = n.Message.Rehearsal,
        ["title"] = n.Title,
        ["text"] = n.Text,
    };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    /// <summary>Slack's mrkdwn needs exactly these three escaped.</summary>
    private static string SlackEscape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
