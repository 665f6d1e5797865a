using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foremast.Core.Config.Settings;

/// <summary>
/// Reads a stage's slice of the pinned config into a typed record, with the runway files' snake_case names
/// (<c>instance_port</c> → <c>InstancePort</c>). One record per section, one file each, next to this reader
/// (<see cref="WebhookSettings"/>, the AWS sections…), so executors never pick through raw <see cref="JsonElement"/>s.
/// </summary>
public static class StageSettings
{
    /// <summary>The options every section record is read with; public so a section can read a nested value the same way.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        // Runway files carry keys for other tools and Foremast versions; the validator has already judged them.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The element as <typeparamref name="T"/>.</summary>
    /// <param name="path">Where the element sits in the env document (e.g. <c>$.completion_webhooks[0]</c>), for the error.</param>
    /// <exception cref="StageSettingsException">The element does not have the shape of <typeparamref name="T"/>.</exception>
    public static T Read<T>(JsonElement element, string path = "$")
    {
        try
        {
            return element.Deserialize<T>(Json) ?? throw new StageSettingsException(path, $"expected {Describe<T>()}, got null");
        }
        catch (JsonException e)
        {
            throw new StageSettingsException(Join(path, e.Path), $"expected {Describe<T>()}: {FirstLine(e.Message)}");
        }
    }

    /// <summary>The named section of a stage's settings as <typeparamref name="T"/>, or <paramref name="absent"/> when the key is missing or null.</summary>
    /// <exception cref="StageSettingsException">The section exists but does not have the shape of <typeparamref name="T"/>.</exception>
    public static T Section<T>(JsonElement settings, string key, T absent)
    {
        if (settings.ValueKind != JsonValueKind.Object || !settings.TryGetProperty(key, out var section) || section.ValueKind == JsonValueKind.Null) return absent;
        return Read<T>(section, $"$.{key}");
    }

    private static string Describe<T>() => typeof(T).Name;

    private static string Join(string path, string? inner) => inner is null or "$" ? path : path + inner.TrimStart('$');

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
