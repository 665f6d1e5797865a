using System.Globalization;
using System.Text.Json;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator;

/// <summary>Turns snapshot JSON into the objects Scriban templates navigate (<c>data.asg.min_inst</c>, loops, <c>object.keys</c>).</summary>
internal static class ScriptValues
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>
    /// Objects come back read-only: they are cached per snapshot and shared by every render, so a template that
    /// assigns into <c>data.x.y</c> must not leak the change into the next render. Per-render objects
    /// (<c>data</c>, <c>data.app</c>, <c>data.asg</c>) are writable copies (see <see cref="Copy"/>).
    /// </summary>
    public static object? From(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new ScriptObject();
                foreach (var property in element.EnumerateObject()) obj[property.Name] = From(property.Value);
                obj.IsReadOnly = true;
                return obj;
            case JsonValueKind.Array:
                var array = new ScriptArray(element.GetArrayLength());
                foreach (var item in element.EnumerateArray()) array.Add(From(item));
                return array;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                // Boxed apart: "? l : GetDouble()" alone would make every integer a double (3 printing as 3.0 in Jinja).
                return element.TryGetInt64(out var l) ? l : (object)element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>A writable shallow copy; values stay shared.</summary>
    public static ScriptObject Copy(object? source)
    {
        var copy = new ScriptObject();
        if (source is ScriptObject obj)
        {
            foreach (var (key, value) in obj) copy[key] = value;
        }

        return copy;
    }

    /// <summary>
    /// Encodes a template value as JSON. Strings are escaped, which Foremast's Jinja templates did not do for
    /// values like instance links (a quote in a link broke the task body).
    /// </summary>
    public static string Json(object? value) => JsonSerializer.Serialize(value, Compact);

    /// <summary>Foremast printed numbers raw into JSON, so a number given as a string still became a number.</summary>
    public static object? Numeric(object? value) =>
        value is string s && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : value;

    public static ScriptArray Array(IEnumerable<string> items)
    {
        var array = new ScriptArray();
        foreach (var item in items) array.Add(item);
        return array;
    }
}
