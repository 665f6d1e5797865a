using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Json;

namespace Foremast.Core.Validation;

/// <summary>Checks runway files before they are merged: every problem is reported, none is fatal on its own.</summary>
public static class RunwayValidator
{
    public static void ValidatePipeline(JsonObject pipeline, string file, ForemastSettings settings, ICollection<Diagnostic> diagnostics)
    {
        if (pipeline["type"] is { } type && !(type is JsonValue tv && tv.TryGetValue<string>(out _)))
        {
            diagnostics.Add(Diagnostic.Error(file, "$.type", $"expected a string, got {JsonKinds.Describe(type)}"));
        }
        else if (pipeline["type"] is JsonValue t && t.TryGetValue<string>(out var name) && !settings.AllTypes.Contains(name))
        {
            diagnostics.Add(Diagnostic.Error(file, "$.type", $"expected one of {string.Join(", ", settings.AllTypes)}, got \"{name}\""));
        }

        if (pipeline["env"] is { } env)
        {
            if (env is not JsonArray envs)
            {
                diagnostics.Add(Diagnostic.Error(file, "$.env", $"expected an array of env names, got {JsonKinds.Describe(env)}"));
            }
            else
            {
                for (var i = 0; i < envs.Count; i++)
                {
                    if (!(envs[i] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0))
                    {
                        diagnostics.Add(Diagnostic.Error(file, $"$.env[{i}]", $"expected an env name, got {JsonKinds.Describe(envs[i])}"));
                    }
                }
            }
        }
    }

    public static void ValidateEnvironment(JsonObject env, string file, string envName, ForemastSettings settings, ICollection<Diagnostic> diagnostics)
    {
        switch (env["regions"])
        {
            case null:
                break;
            case JsonObject regions:
                foreach (var (region, overrides) in regions)
                {
                    if (overrides is not JsonObject)
                    {
                        diagnostics.Add(Diagnostic.Error(file, $"$.regions.{region}", $"expected an object of overrides (use {{}} for none), got {JsonKinds.Describe(overrides)}"));
                    }
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (!(list[i] is JsonValue v && v.TryGetValue<string>(out _)))
                    {
                        diagnostics.Add(Diagnostic.Error(file, $"$.regions[{i}]", $"expected a region name, got {JsonKinds.Describe(list[i])}"));
                    }
                }

                break;
            case var other:
                diagnostics.Add(Diagnostic.Error(file, "$.regions", $"expected an object {{region: overrides}} or a list of regions, got {JsonKinds.Describe(other)}"));
                break;
        }
    }

    /// <summary>Cross-file rules that need the merged result.</summary>
    public static void ValidateSnapshot(ConfigSnapshot snapshot, ICollection<Diagnostic> diagnostics)
    {
    }
}
