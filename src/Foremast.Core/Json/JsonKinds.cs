using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foremast.Core.Json;

public static class JsonKinds
{
    /// <summary>Describes a value for an error message: <c>string "abc"</c>, <c>number 12</c>, <c>an array</c>.</summary>
    public static string Describe(JsonNode? node)
    {
        if (node is null) return "null";
        return node.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"string {Truncate(node.ToJsonString())}",
            JsonValueKind.Number => $"number {Truncate(node.ToJsonString())}",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null",
        };
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
