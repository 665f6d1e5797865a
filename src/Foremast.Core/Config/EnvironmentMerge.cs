using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Json;

namespace Foremast.Core.Config;

/// <summary>Foremast's per-env merge (write_variables): the env document with one merged document per region.</summary>
public static class EnvironmentMerge
{
    /// <summary>Env document = user over defaults; each region = region overrides over user over defaults.</summary>
    public static JsonObject Merge(JsonObject userEnv, JsonObject defaults) =>
        JsonNode.Parse(JsonElements.Write(w => Write(w, userEnv, defaults)).GetRawText())!.AsObject();

    /// <summary>
    /// Writes the merged env document without building it as nodes first (the load path only keeps the text).
    /// Key order follows Foremast: defaults' keys, then the user's new keys, then one key per region.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, JsonObject userEnv, JsonObject defaults)
    {
        var userRegions = userEnv["regions"];
        var regions = Regions(userRegions ?? defaults["regions"]);

        // Foremast drops user keys named like a region before merging; copy only in that (odd) case.
        var user = userEnv;
        foreach (var (name, _) in regions)
        {
            if (!userEnv.ContainsKey(name)) continue;
            user = new JsonObject(userEnv.Where(p => !regions.ContainsKey(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
            break;
        }

        JsonObject?[] maps = [user, defaults];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        writer.WriteStartObject();
        for (var i = maps.Length - 1; i >= 0; i--)
        {
            foreach (var (key, _) in maps[i]!)
            {
                if (!seen.Add(key)) continue;
                writer.WritePropertyName(key);
                if (key == "regions" && userRegions is not null) userRegions.WriteTo(writer);
                else if (regions.TryGetValue(key, out var overrides)) DeepChainMap.WriteMerged(writer, overrides, user, defaults);
                else DeepChainMap.WriteMergedValue(writer, maps, key);
            }
        }

        foreach (var (region, overrides) in regions)
        {
            if (!seen.Add(region)) continue;
            writer.WritePropertyName(region);
            DeepChainMap.WriteMerged(writer, overrides, user, defaults);
        }

        writer.WriteEndObject();
    }

    /// <summary>Region name → its overrides (null in list form), in file order.</summary>
    private static OrderedDictionary<string, JsonObject?> Regions(JsonNode? regions)
    {
        var result = new OrderedDictionary<string, JsonObject?>(StringComparer.Ordinal);
        switch (regions)
        {
            case JsonObject o:
                foreach (var (name, overrides) in o) result[name] = overrides as JsonObject;
                break;
            case JsonArray a:
                foreach (var r in a) result.TryAdd(r?.ToString() ?? "", null);
                break;
        }

        return result;
    }
}
