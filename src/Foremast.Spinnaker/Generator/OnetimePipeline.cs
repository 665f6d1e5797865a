using System.Text.Json.Nodes;

namespace Foremast.Spinnaker.Generator;

/// <summary>Foremast's onetime <c>post_pipeline</c>: renamed, triggers disabled, id only from an existing pipeline of that exact name.</summary>
internal static class OnetimePipeline
{
    public static void Apply(JsonObject pipeline, string name, string? existingId)
    {
        pipeline["name"] = name;
        // Foremast matched any onetime pipeline whose name contains the region and crashed (KeyError) without one;
        // here the id is reused only from the exact name, and otherwise left out so Spinnaker creates the pipeline.
        if (existingId is null) pipeline.Remove("id");
        else pipeline["id"] = existingId;

        if (pipeline["triggers"] is JsonArray triggers)
        {
            foreach (var trigger in triggers.OfType<JsonObject>()) trigger["enabled"] = false;
        }
    }
}
