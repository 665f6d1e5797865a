using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Json;
using Foremast.Core.Validation.Rules;
using Foremast.Core.Validation.Spec;

namespace Foremast.Core.Validation;

/// <summary>Checks runway files before they are merged: every problem is reported, none is fatal on its own.</summary>
public static class RunwayValidator
{
    public static void ValidatePipeline(JsonObject pipeline, string file, ForemastSettings settings, ICollection<Diagnostic> diagnostics)
    {
        new SpecWalker(file, diagnostics).Walk(PipelineSpec.Root, pipeline, "$");
        PipelineRules.Check(pipeline, file, settings, diagnostics);
        WarnAboutUndeliveredNotifications(pipeline, file, diagnostics);

        // Allowed types are the admin's choice (aws_types, gcp_types, *_manual_types), so they are not in the static spec.
        if (pipeline["type"] is JsonValue t && t.TryGetValue<string>(out var name))
        {
            foreach (var allowed in settings.AllTypes)
            {
                if (allowed == name) return;
            }

            diagnostics.Add(Diagnostic.Error(file, "$.type", $"expected one of {string.Join(", ", settings.AllTypes)}, got {JsonKinds.Describe(t)}"));
        }
    }

    /// <summary>The notification types the engine sends itself; the others only live in the generated Spinnaker pipelines.</summary>
    public static readonly IReadOnlyList<string> DeliveredNotificationTypes = ["slack", "email", "microsoftteams", "googlechat", "webhook"];

    private static void WarnAboutUndeliveredNotifications(JsonObject pipeline, string file, ICollection<Diagnostic> diagnostics)
    {
        if (pipeline["pipeline_notifications"] is not JsonArray targets) return;
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i] is not JsonObject target || target["type"] is not JsonValue t || !t.TryGetValue<string>(out var type)) continue;
            if (DeliveredNotificationTypes.Contains(type.ToLowerInvariant())) continue;
            diagnostics.Add(Diagnostic.Warning(file, $"$.pipeline_notifications[{i}].type",
                $"\"{type}\" notifications stay in the generated Spinnaker pipelines, but this engine does not send them (it sends {string.Join(", ", DeliveredNotificationTypes)})"));
        }
    }

    /// <param name="defaults">The rendered env defaults, so cross-key checks see the values a key falls back to.</param>
    /// <param name="pipelineType">The type from pipeline.json, for the rules that depend on it (regions of its cloud, strategies, definitions); null skips them.</param>
    public static void ValidateEnvironment(JsonObject env, string file, string envName, ForemastSettings settings, ICollection<Diagnostic> diagnostics, JsonObject? defaults = null, string? pipelineType = null)
    {
        new SpecWalker(file, diagnostics).Walk(EnvironmentSpec.Root, env, "$");

        // Cross-key rules skip values of the wrong type (already reported), so they run even when the walk found errors.
        var semantic = new EnvironmentRules(file, envName, settings, diagnostics, pipelineType);
        semantic.Check(env, "$", [env, defaults], isRegionOverride: false);
        if (env["regions"] is JsonObject regions)
        {
            foreach (var (region, overrides) in regions)
            {
                if (overrides is JsonObject o) semantic.Check(o, JsonPaths.Child("$.regions", region), [o, env, defaults], isRegionOverride: true);
            }
        }
    }
}
