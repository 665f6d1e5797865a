using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foremast.Core.Json;

public static class JsonKinds
{
    // The user's own text, as typed: "café" stays "café", not "caf\u00E9". Quotes and control characters are still escaped.
    private static readonly JsonSerializerOptions AsTyped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Describes a value for an error message: <c>string "abc"</c>, <c>number 12</c>, <c>an array</c>.</summary>
    public static string Describe(JsonNode? node)
    {
        if (node is null) return "null";
        return node.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"string {Truncate(node.ToJsonString(AsTyped))}",
            JsonValueKind.Number => $"number {Truncate(node.ToJsonString(AsTyped))}",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null",
        };
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
