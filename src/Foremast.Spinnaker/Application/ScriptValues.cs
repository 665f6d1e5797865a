using System.Globalization;
using System.Text.Json;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Application;

/// <summary>Bridges JSON and Scriban: JSON values become template values, and templates get a <c>json</c> encoder.</summary>
internal static class ScriptValues
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static object? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ObjectFrom(element),
        JsonValueKind.Array => ArrayFrom(element),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>
    /// Encodes a template value as JSON. Strings are escaped, which Foremast's Jinja templates did not do for
    /// values like instance links (a quote in a link broke the task body).
    /// </summary>
    public static string Json(object? value) => JsonSerializer.Serialize(value, Compact);

    /// <summary>Foremast printed numbers raw into JSON, so a number given as a string still became a number.</summary>
    public static object? Numeric(object? value) =>
        value is string s && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : value;

    private static ScriptObject ObjectFrom(JsonElement element)
    {
        var result = new ScriptObject();
        foreach (var property in element.EnumerateObject()) result.SetValue(property.Name, From(property.Value), readOnly: false);
        return result;
    }

    private static ScriptArray ArrayFrom(JsonElement element)
    {
        var result = new ScriptArray();
        foreach (var item in element.EnumerateArray()) result.Add(From(item));
        return result;
    }
}
