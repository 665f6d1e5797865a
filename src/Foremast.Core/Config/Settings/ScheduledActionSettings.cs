using System.Text.Json.Serialization;

namespace Foremast.Core.Config.Settings;

/// <summary>One <c>asg.scheduled_actions</c> entry (camelCase in the runway file, as Spinnaker's upsertAsgScheduledActions took it).</summary>
/// <param name="Recurrence">Cron expression, UTC.</param>
public sealed record ScheduledActionSettings(
    [property: JsonPropertyName("recurrence")] string Recurrence,
    [property: JsonPropertyName("minSize")] int? MinSize = null,
    [property: JsonPropertyName("maxSize")] int? MaxSize = null,
    [property: JsonPropertyName("desiredCapacity")] int? DesiredCapacity = null);
