using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Workflows.Notifications;

namespace Foremast.Api.Runs;

/// <summary>
/// The generated Spinnaker pipelines as the run status shows them. The pipelines themselves keep their notification
/// addresses (Spinnaker needs them, as Foremast's did), but a webhook URL is a credential and the status is read by
/// more people than may post to that channel: every URL <c>address</c> of a <c>notifications</c> entry shows its host only.
/// </summary>
public static class PipelineView
{
    public static JsonElement Redact(JsonElement pipelines)
    {
        var node = JsonNode.Parse(pipelines.GetRawText());
        Walk(node, inNotifications: false);
        return JsonSerializer.SerializeToElement(node);
    }

    private static void Walk(JsonNode? node, bool inNotifications)
    {
        switch (node)
        {
            case JsonObject obj:
                if (inNotifications && obj["address"] is JsonValue value && value.TryGetValue<string>(out var address))
                {
                    obj["address"] = NotificationDestinations.RedactUrl(address);
                }

                foreach (var (name, child) in obj.ToList()) Walk(child, string.Equals(name, "notifications", StringComparison.OrdinalIgnoreCase));
                break;
            case JsonArray array:
                foreach (var item in array) Walk(item, inNotifications);
                break;
        }
    }
}
