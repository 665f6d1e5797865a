using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Json;

namespace Foremast.Core.Validation.Rules;

/// <summary>pipeline.json settings that are legal but cannot be what was meant, and a primary region of the right cloud.</summary>
internal static class PipelineRules
{
    /// <summary>Spinnaker's pipeline events, and the event this engine sends when a checkpoint opens.</summary>
    public static readonly string[] NotificationEvents = ["pipeline.starting", "pipeline.complete", "pipeline.failed", "checkpoint.waiting"];

    public static void Check(JsonObject pipeline, string file, ForemastSettings settings, ICollection<Diagnostic> diagnostics)
    {
        if (pipeline["env"] is JsonArray { Count: 0 })
        {
            diagnostics.Add(Diagnostic.Warning(file, "$.env", "no envs: the pipeline deploys nowhere"));
        }

        CheckNotifications(pipeline, file, diagnostics);
        var type = Layers.Text(pipeline["type"]) ?? "ec2";
        if (Layers.Text(pipeline["primary_region"]) is { } primary && Spec.StringFormat.Region.IsMatch(primary)
            && KnownRegions.Problem(primary, settings.IsGcpType(type), settings.Regions, JsonKinds.Describe(pipeline["primary_region"])) is { } problem)
        {
            diagnostics.Add(Diagnostic.Error(file, "$.primary_region", problem));
        }
    }

    private static void CheckNotifications(JsonObject pipeline, string file, ICollection<Diagnostic> diagnostics)
    {
        if (pipeline["pipeline_notifications"] is not JsonArray notifications) return;
        for (var i = 0; i < notifications.Count; i++)
        {
            if ((notifications[i] as JsonObject)?["when"] is not JsonArray when) continue;
            for (var j = 0; j < when.Count; j++)
            {
                if (Layers.Text(when[j]) is not { } name || NotificationEvents.Contains(name)) continue;
                var suggestion = DidYouMean.Suggest(name, NotificationEvents);
                diagnostics.Add(Diagnostic.Warning(
                    file,
                    JsonPaths.Index(JsonPaths.Child(JsonPaths.Index("$.pipeline_notifications", i), "when"), j),
                    $"{JsonKinds.Describe(when[j])} is not an event that is sent ({string.Join(", ", NotificationEvents)}), so it never fires"
                    + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?")));
            }
        }
    }
}
