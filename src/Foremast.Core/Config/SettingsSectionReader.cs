using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Json;
using Foremast.Core.Validation;

namespace Foremast.Core.Config;

/// <summary>Reads values that may be native JSON or Foremast-style strings (Python literals or comma lists).</summary>
internal sealed class SettingsSectionReader(JsonObject root, string file, ICollection<Diagnostic> diagnostics)
{
    public bool Has(string section, string key) => Get(section, key) is not null;

    public JsonNode? Get(string section, string? key)
    {
        if (root[section] is not JsonObject obj) return null;
        return key is null ? obj : obj[key];
    }

    public string? String(string section, string key)
    {
        var node = Get(section, key);
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        if (node is JsonValue) return node.ToJsonString();
        Error(section, key, "a string", node);
        return null;
    }

    public int? Int(string section, string key)
    {
        var node = Native(section, key);
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<long>(out var l) && l is >= 0 and <= int.MaxValue) return (int)l;
        if (node is JsonValue d && d.TryGetValue<double>(out var dbl) && dbl is >= 0 and <= int.MaxValue && dbl == Math.Floor(dbl)) return (int)dbl;
        Error(section, key, "a whole number of seconds between 0 and 2147483647", node);
        return null;
    }

    public bool? Bool(string section, string key)
    {
        var node = Native(section, key);
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<bool>(out var b)) return b;

        // INI values are text; ConfigParser.getboolean's spellings.
        if (node is JsonValue t && t.TryGetValue<string>(out var text))
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true" or "yes" or "on" or "1": return true;
                case "false" or "no" or "off" or "0": return false;
            }
        }

        Error(section, key, "true or false", node);
        return null;
    }

    public IReadOnlyList<string> List(string section, string key, IReadOnlyList<string>? fallback = null)
    {
        var node = Get(section, key);
        if (node is null) return fallback ?? [];
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return PythonLiteral.ToList(PythonLiteral.ToNative(s));
        if (node is JsonArray) return PythonLiteral.ToList(node);
        Error(section, key, "a comma-separated string or a list of strings", node);
        return fallback ?? [];
    }

    public JsonElement Object(string section, string key)
    {
        var node = Native(section, key);
        if (node is null) return JsonElement.Parse("{}");
        if (node is JsonObject) return JsonElement.Parse(node.ToJsonString());
        Error(section, key, "an object", node);
        return JsonElement.Parse("{}");
    }

    public IReadOnlyDictionary<string, string> StringMap(string section, string? key)
    {
        var node = key is null ? Get(section, null) : Native(section, key);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null) return result;
        if (node is not JsonObject obj)
        {
            Error(section, key, "an object of strings", node);
            return result;
        }

        foreach (var (k, value) in obj)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var s)) result[k] = s;
            else Error(section, key is null ? k : $"{key}.{k}", "a string", value);
        }

        return result;
    }

    public IReadOnlyDictionary<string, bool> EnvConfigs()
    {
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        var node = Native("base", "env_configs");
        if (node is null) return result;
        if (node is not JsonObject obj)
        {
            Error("base", "env_configs", "an object of env → {\"enable_approval_skip\": bool}", node);
            return result;
        }

        foreach (var (env, value) in obj)
        {
            var flag = (value as JsonObject)?["enable_approval_skip"];
            if (flag is JsonValue v && v.TryGetValue<bool>(out var b)) result[env] = b;
            else if (flag is not null || value is not JsonObject) Error("base", $"env_configs.{env}.enable_approval_skip", "true or false", flag ?? value);
        }

        return result;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> SecurityGroups(string key, IReadOnlyList<string> envs)
    {
        var result = envs.ToDictionary(e => e, _ => (IReadOnlyList<string>)[], StringComparer.Ordinal);
        var node = Native("base", key);
        switch (node)
        {
            case null:
                break;
            case JsonObject obj:
                foreach (var (env, groups) in obj) result[env] = PythonLiteral.ToList(groups);
                break;
            default:
                var list = PythonLiteral.ToList(node);
                foreach (var env in envs) result[env] = list;
                break;
        }

        return result;
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> TaskTimeouts()
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        var node = Get("task_timeouts", "envs");
        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            // Foremast requires a JSON string here even in config.py; accept a native object too.
            try { node = JsonNode.Parse(s); }
            catch (JsonException) { Error("task_timeouts", "envs", "a JSON object {env: {taskType: seconds}}", node); return result; }
        }

        if (node is null) return result;
        if (node is not JsonObject envs)
        {
            Error("task_timeouts", "envs", "an object {env: {taskType: seconds}}", node);
            return result;
        }

        foreach (var (env, tasks) in envs)
        {
            var perTask = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (task, seconds) in tasks as JsonObject ?? [])
            {
                if (seconds is JsonValue sv && sv.TryGetValue<int>(out var n) && n >= 0) perTask[task] = n;
                else Error("task_timeouts", $"envs.{env}.{task}", "a whole number of seconds", seconds);
            }

            result[env] = perTask;
        }

        return result;
    }

    private JsonNode? Native(string section, string key)
    {
        var node = Get(section, key);
        return node is JsonValue v && v.TryGetValue<string>(out var s) && PythonLiteral.TryParse(s, out var parsed) ? parsed : node;
    }

    private void Error(string section, string? key, string expected, JsonNode? got) =>
        diagnostics.Add(Diagnostic.Error(file, key is null ? $"$.{section}" : $"$.{section}.{key}", $"expected {expected}, got {JsonKinds.Describe(got)}"));
}
