using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foremast.Aws.Iam;

/// <summary>Policy documents compared by meaning, not by spacing or key order (IAM hands them back re-serialised).</summary>
public static class IamJson
{
    public static bool Same(string live, JsonNode desired)
    {
        try
        {
            return JsonNode.DeepEquals(Canonical(JsonNode.Parse(live)), Canonical(desired));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The statements of <paramref name="desired"/> missing from <paramref name="live"/> and the other way round.</summary>
    public static (int Added, int Removed) StatementChanges(string? live, JsonNode? desired)
    {
        var before = Statements(live is null ? null : TryParse(live));
        var after = Statements(desired);
        return (after.Except(before).Count(), before.Except(after).Count());
    }

    public static string Text(JsonNode document) => document.ToJsonString();

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HashSet<string> Statements(JsonNode? document) => document?["Statement"] switch
    {
        JsonArray list => list.Select(s => Canonical(s)?.ToJsonString() ?? "null").ToHashSet(StringComparer.Ordinal),
        JsonObject one => [Canonical(one)!.ToJsonString()],
        _ => [],
    };

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray arr => new JsonArray(arr.Select(Canonical).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
