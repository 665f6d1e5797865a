using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foremast.Core.Json;

/// <summary>
/// <see cref="DeepChainMap.Merge"/> written straight to JSON: same winner per key, same key order, but nothing is
/// cloned. Loading merges the large defaults document once per env and once per region, and cloning it into
/// new nodes each time was most of the load time.
/// </summary>
public static class DeepChainMapWriter
{
    /// <summary>A mapping of the chain; <paramref name="Excluded"/> hides some top-level keys (region names of an env).</summary>
    public readonly record struct Map(JsonObject? Object, IReadOnlyCollection<string>? Excluded = null)
    {
        public bool TryGet(string key, out JsonNode? value)
        {
            value = null;
            return Object is not null && (Excluded is null || !Excluded.Contains(key)) && Object.TryGetPropertyValue(key, out value);
        }

        public IEnumerable<string> Keys
        {
            get
            {
                if (Object is null) yield break;
                foreach (var (key, _) in Object)
                {
                    if (Excluded is null || !Excluded.Contains(key)) yield return key;
                }
            }
        }
    }

    /// <summary>Keys in ChainMap order: those of the last (lowest-priority) mapping first.</summary>
    public static List<string> Keys(ReadOnlySpan<Map> maps)
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = maps.Length - 1; i >= 0; i--)
        {
            foreach (var key in maps[i].Keys)
            {
                if (seen.Add(key)) keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>Writes the merged value of one key (the first mapping that has it wins; objects merge across all).</summary>
    public static void WriteValue(Utf8JsonWriter writer, ReadOnlySpan<Map> maps, string key)
    {
        JsonNode? first = null;
        var found = false;
        foreach (var map in maps)
        {
            if (map.TryGet(key, out first))
            {
                found = true;
                break;
            }
        }

        if (found && first is JsonObject)
        {
            var nested = new Map[maps.Length];
            for (var i = 0; i < maps.Length; i++) nested[i] = new Map(maps[i].TryGet(key, out var v) ? v as JsonObject : null);
            WriteObject(writer, nested);
        }
        else if (first is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            first.WriteTo(writer);
        }
    }

    public static void WriteObject(Utf8JsonWriter writer, ReadOnlySpan<Map> maps)
    {
        writer.WriteStartObject();
        foreach (var key in Keys(maps))
        {
            writer.WritePropertyName(key);
            WriteValue(writer, maps, key);
        }

        writer.WriteEndObject();
    }
}
