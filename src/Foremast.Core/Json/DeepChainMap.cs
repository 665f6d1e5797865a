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
        var present = maps.Where(m => m is not null).Cast<JsonObject>().ToArray();
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = present.Length - 1; i >= 0; i--)
        {
            foreach (var (key, _) in present[i])
            {
                if (seen.Add(key)) keys.Add(key);
            }
        }

        var result = new JsonObject();
        foreach (var key in keys)
        {
            var first = present.First(m => m.ContainsKey(key))[key];
            if (first is JsonObject)
            {
                var nested = present.Select(m => m.TryGetPropertyValue(key, out var v) ? v as JsonObject : null).ToArray();
                result[key] = Merge(nested);
            }
            else
            {
                result[key] = first?.DeepClone();
            }
        }

        return result;
    }
}
