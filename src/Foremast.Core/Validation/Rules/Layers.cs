using System.Text.Json.Nodes;

namespace Foremast.Core.Validation.Rules;

/// <summary>Effective values of a document that falls back to others (region override, then env file, then defaults).</summary>
internal static class Layers
{
    public static JsonValue? Effective(JsonObject?[] layers, string block, string key)
    {
        foreach (var layer in layers)
        {
            if ((layer?[block] as JsonObject)?[key] is JsonValue value) return value;
        }

        return null;
    }

    public static JsonNode? EffectiveNode(JsonObject?[] layers, string block, string key)
    {
        foreach (var layer in layers)
        {
            if ((layer?[block] as JsonObject)?[key] is { } value) return value;
        }

        return null;
    }

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
