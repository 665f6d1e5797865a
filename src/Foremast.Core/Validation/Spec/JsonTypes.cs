using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Json;

namespace Foremast.Core.Validation.Spec;

/// <summary>The JSON types a key accepts; a key may accept several (for example a string or an integer).</summary>
[Flags]
public enum JsonTypes
{
    None = 0,
    String = 1,
    Integer = 2,
    Number = 4,
    Boolean = 8,
    Object = 16,
    Array = 32,
    Null = 64,
}

public static class JsonTypesExtensions
{
    /// <summary>
    /// Classifies a value; whole numbers (including <c>8.0</c> and numbers too big for a long) are
    /// <see cref="JsonTypes.Integer"/>, matching JSON Schema's "integer".
    /// </summary>
    public static JsonTypes Classify(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsonTypes.Null;
            case JsonObject:
                return JsonTypes.Object;
            case JsonArray:
                return JsonTypes.Array;
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                return JsonTypes.String;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return JsonTypes.Boolean;
            case JsonValueKind.Number:
                if (JsonNumbers.TryGetInt64(node, out _)) return JsonTypes.Integer;
                return JsonNumbers.TryGetDouble(node, out var d) && Math.Floor(d) == d ? JsonTypes.Integer : JsonTypes.Number;
            default:
                return JsonTypes.Null;
        }
    }

    /// <summary>Whether a value of type <paramref name="actual"/> is acceptable where <paramref name="accepted"/> is asked (an integer is a number).</summary>
    public static bool Accepts(this JsonTypes accepted, JsonTypes actual) =>
        (accepted & actual) != 0 || (actual == JsonTypes.Integer && (accepted & JsonTypes.Number) != 0);

    /// <summary>"a string or an integer": wording for the <c>expected X</c> half of a message.</summary>
    public static string Describe(this JsonTypes types)
    {
        var parts = new List<string>(4);
        if (types.HasFlag(JsonTypes.String)) parts.Add("a string");
        if (types.HasFlag(JsonTypes.Integer)) parts.Add("an integer");
        if (types.HasFlag(JsonTypes.Number)) parts.Add("a number");
        if (types.HasFlag(JsonTypes.Boolean)) parts.Add("true or false");
        if (types.HasFlag(JsonTypes.Object)) parts.Add("an object");
        if (types.HasFlag(JsonTypes.Array)) parts.Add("an array");
        if (types.HasFlag(JsonTypes.Null)) parts.Add("null");
        return parts.Count switch
        {
            0 => "nothing",
            1 => parts[0],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1],
        };
    }

    /// <summary>The JSON Schema "type" names, in a stable order.</summary>
    public static IEnumerable<string> SchemaNames(this JsonTypes types)
    {
        if (types.HasFlag(JsonTypes.String)) yield return "string";
        if (types.HasFlag(JsonTypes.Integer) && !types.HasFlag(JsonTypes.Number)) yield return "integer";
        if (types.HasFlag(JsonTypes.Number)) yield return "number";
        if (types.HasFlag(JsonTypes.Boolean)) yield return "boolean";
        if (types.HasFlag(JsonTypes.Object)) yield return "object";
        if (types.HasFlag(JsonTypes.Array)) yield return "array";
        if (types.HasFlag(JsonTypes.Null)) yield return "null";
    }
}
