using System.Text.Json;

namespace Foremast.Workflows.Notifications;

/// <summary>
/// Reads a run's notification targets from its merged <c>pipeline.json</c>: the v2 <c>pipeline_notifications</c> list
/// (Spinnaker notification objects) and the legacy <c>notifications.slack</c>/<c>notifications.email</c>, which Foremast
/// turned into <c>pipeline.failed</c> notifications.
/// </summary>
public static class NotificationTargets
{
    public static IReadOnlyList<NotificationTarget> Read(JsonElement pipeline)
    {
        var targets = new List<NotificationTarget>();
        if (pipeline.ValueKind != JsonValueKind.Object) return targets;
        if (pipeline.TryGetProperty("pipeline_notifications", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (Text(item, "type") is not { } type || Text(item, "address") is not { } address) continue;
                var when = item.TryGetProperty("when", out var w) && w.ValueKind == JsonValueKind.Array
                    ? w.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                    : [NotificationEvents.PipelineFailed];
                targets.Add(new NotificationTarget(type.ToLowerInvariant(), address, when));
            }
        }

        if (pipeline.TryGetProperty("notifications", out var legacy) && legacy.ValueKind == JsonValueKind.Object)
        {
            if (Text(legacy, "slack") is { } channel) targets.Add(new NotificationTarget("slack", channel, [NotificationEvents.PipelineFailed]));
            if (Text(legacy, "email") is { } email) targets.Add(new NotificationTarget("email", email, [NotificationEvents.PipelineFailed]));
        }

        return targets;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
