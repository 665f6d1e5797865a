using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foremast.Workflows.Notifications;

/// <summary>
/// Reads <see cref="NotifyResult"/> and also the <c>true</c> that <c>NotifyActivity</c> returned before it reported
/// per-target failures, so a run in flight across the upgrade replays its recorded notifications instead of failing.
/// </summary>
public sealed class NotifyResultConverter : JsonConverter<NotifyResult>
{
    public override NotifyResult? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) return NotifyResult.Delivered;
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a notification result object");

        IReadOnlyList<TargetFailure> failed = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, nameof(NotifyResult.Failed), StringComparison.OrdinalIgnoreCase))
            {
                failed = JsonSerializer.Deserialize<List<TargetFailure>>(ref reader, options) ?? [];
            }
            else
            {
                reader.Skip();
            }
        }

        return new NotifyResult(failed);
    }

    public override void Write(Utf8JsonWriter writer, NotifyResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(options.PropertyNamingPolicy?.ConvertName(nameof(NotifyResult.Failed)) ?? nameof(NotifyResult.Failed));
        JsonSerializer.Serialize(writer, value.Failed, options);
        writer.WriteEndObject();
    }
}
