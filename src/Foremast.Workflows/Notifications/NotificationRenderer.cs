using System.Globalization;
using Foremast.Core.Templates;

namespace Foremast.Workflows.Notifications;

/// <summary>Renders <c>templates/notifications/</c> (title, plain text, mail HTML); a <c>templates_path</c> overrides them file by file.</summary>
public sealed class NotificationRenderer(TemplateStore templates)
{
    public RenderedNotification Render(NotificationMessage message)
    {
        var model = new Dictionary<string, object?>
        {
            ["event"] = message.Event,
            ["app"] = message.App,
            ["run_id"] = message.RunId,
            ["region"] = message.Region,
            ["env"] = message.Env,
            ["stage"] = message.Stage,
            ["approval_url"] = message.ApprovalUrl,
            ["run_url"] = message.RunUrl,
            ["expires_at"] = message.ExpiresAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["decision"] = message.Decision,
            ["rehearsal"] = message.Rehearsal,
        };
        var title = templates.Render("notifications/title.txt.sbn", Globals(model)).Trim();
        model["title"] = title;
        return new RenderedNotification(
            message,
            title,
            templates.Render("notifications/text.txt.sbn", Globals(model)).Trim() + "\n",
            templates.Render("notifications/email.html.sbn", Globals(model)));
    }

    private static Scriban.Runtime.ScriptObject Globals(Dictionary<string, object?> model)
    {
        var globals = new Scriban.Runtime.ScriptObject();
        foreach (var (name, value) in model) globals[name] = value;
        return globals;
    }
}
