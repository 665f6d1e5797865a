using System.Globalization;
using System.Text.Json.Nodes;

namespace Foremast.Tests.Shared;

/// <summary>
/// Structural JSON comparison: objects compare key by key (order ignored, as Gate ignores it), arrays item by item,
/// numbers by value. Returns the JSON path of the first difference and what differs there, or null when equal.
/// </summary>
public static class JsonDiff
{
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (null, _) or (_, null):
                return $"{path}: expected {Show(expected)}, got {Show(actual)}";
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key)) return $"{path}.{key}: missing (expected {Show(value)})";
                    if (FirstDifference(value, a[key], $"{path}.{key}") is { } inner) return inner;
                }

                foreach (var (key, value) in a)
                {
                    if (!e.ContainsKey(key)) return $"{path}.{key}: unexpected key (got {Show(value)})";
                }

                return null;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } inner) return inner;
                }

                return e.Count == a.Count ? null : $"{path}: expected {e.Count} items, got {a.Count}";
            case (JsonValue e, JsonValue a):
                return SameValue(e, a) ? null : $"{path}: expected {Show(e)}, got {Show(a)}";
            default:
                return $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }
    }

    private static bool SameValue(JsonValue e, JsonValue a)
    {
        var ek = e.GetValueKind();
        if (ek != a.GetValueKind()) return false;
        if (ek == System.Text.Json.JsonValueKind.Number)
        {
            return decimal.Parse(e.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) == decimal.Parse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return e.ToJsonString() == a.ToJsonString();
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
