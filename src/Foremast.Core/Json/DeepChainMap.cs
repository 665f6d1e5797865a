using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foremast.Core.Json;

/// <summary>
/// Foremast's DeepChainMap: the first mapping that has a key wins; when that value is an object,
/// the key's objects are merged recursively across every mapping. Lists and scalars are replaced.
/// Key order follows Python's ChainMap: keys of the last (lowest-priority) mapping first.
/// </summary>
public static class DeepChainMap
{
    /// <param name="maps">Highest priority first.</param>
    public static JsonObject Merge(params JsonObject?[] maps)
    {
        // Runs for every env and region of every load, so it avoids LINQ and per-key allocations.
        var result = new JsonObject();
        for (var i = maps.Length - 1; i >= 0; i--)
        {
            if (maps[i] is not { } map) continue;
            foreach (var (key, _) in map)
            {
                if (!result.ContainsKey(key)) result[key] = MergedValue(maps, key);
            }
        }

        return result;
    }

    private static JsonNode? MergedValue(JsonObject?[] maps, string key)
    {
        var first = FirstValue(maps, key, out var firstIndex);

        if (first is not JsonObject) return first?.DeepClone();

        return Merge(NestedObjects(maps, key, firstIndex));
    }

    /// <summary>Writes <c>Merge(maps)</c> straight to JSON: the load path needs the text, not a node tree to throw away.</summary>
    public static void WriteMerged(Utf8JsonWriter writer, params JsonObject?[] maps)
    {
        // Most blocks exist only in the defaults; a lone mapping is copied as is, with no merging to do.
        if (Single(maps) is { } only)
        {
            only.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        for (var i = maps.Length - 1; i >= 0; i--)
        {
            if (maps[i] is not { } map) continue;
            foreach (var (key, _) in map)
            {
                if (InLaterMap(maps, i, key)) continue;
                writer.WritePropertyName(key);
                WriteMergedValue(writer, maps, key);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Whether a lower-priority mapping (already written) has the key, which replaces a per-object set of seen keys.</summary>
    private static bool InLaterMap(JsonObject?[] maps, int index, string key)
    {
        for (var j = index + 1; j < maps.Length; j++)
        {
            if (maps[j] is { } later && later.ContainsKey(key)) return true;
        }

        return false;
    }

    private static JsonObject? Single(JsonObject?[] maps)
    {
        JsonObject? only = null;
        foreach (var map in maps)
        {
            if (map is null) continue;
            if (only is not null) return null;
            only = map;
        }

        return only;
    }

    /// <summary>Writes the merged value of one key (the first mapping's value, or the deep merge when that is an object).</summary>
    public static void WriteMergedValue(Utf8JsonWriter writer, JsonObject?[] maps, string key)
    {
        var first = FirstValue(maps, key, out var firstIndex);

        if (first is not JsonObject)
        {
            if (first is null) writer.WriteNullValue();
            else first.WriteTo(writer);
            return;
        }

        WriteMerged(writer, NestedObjects(maps, key, firstIndex));
    }

    /// <summary>The value of the highest-priority mapping that has the key (null when none has it).</summary>
    private static JsonNode? FirstValue(JsonObject?[] maps, string key, out int index)
    {
        for (index = 0; index < maps.Length; index++)
        {
            if (maps[index] is { } map && map.TryGetPropertyValue(key, out var value)) return value;
        }

        index = -1;
        return null;
    }

    /// <summary>The key's objects from the first mapping on; lower-priority values that are not objects drop out of the nested merge.</summary>
    private static JsonObject?[] NestedObjects(JsonObject?[] maps, string key, int firstIndex)
    {
        var nested = new JsonObject?[maps.Length - firstIndex];
        for (var i = firstIndex; i < maps.Length; i++)
        {
            nested[i - firstIndex] = maps[i] is { } map && map.TryGetPropertyValue(key, out var value) ? value as JsonObject : null;
        }

        return nested;
    }
}
