using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;

namespace Foremast.Workflows.Tests.Support;

/// <summary>Variations of a pinned snapshot, edited as JSON: the pipeline document and every env document with its region overrides.</summary>
public static class SnapshotEdits
{
    public static ConfigSnapshot Edit(this ConfigSnapshot snapshot, Action<JsonObject>? pipeline = null, Action<JsonObject>? envDocument = null)
    {
        var pipelineNode = JsonNode.Parse(snapshot.Pipeline.GetRawText())!.AsObject();
        pipeline?.Invoke(pipelineNode);
        var environments = snapshot.Environments.ToDictionary(e => e.Key, e =>
        {
            var doc = JsonNode.Parse(e.Value.GetRawText())!.AsObject();
            if (envDocument is not null)
            {
                envDocument(doc);
                foreach (var region in snapshot.RegionsOf(e.Key))
                {
                    if (doc[region] is JsonObject regional) envDocument(regional);
                }
            }

            return JsonSerializer.SerializeToElement(doc);
        });
        return snapshot with { Pipeline = JsonSerializer.SerializeToElement(pipelineNode), Environments = environments };
    }

    /// <summary>The pipeline type changed, and every env on the given deploy strategy.</summary>
    public static ConfigSnapshot WithType(this ConfigSnapshot snapshot, string type, string? strategy = null) => snapshot.Edit(
        pipeline: p => p["type"] = type,
        envDocument: doc =>
        {
            if (strategy is not null) doc["deploy_strategy"] = strategy;
        });

    /// <summary>Every completion webhook pointed at <paramref name="baseUrl"/> (its path kept apart by index).</summary>
    public static ConfigSnapshot WithWebhooksAt(this ConfigSnapshot snapshot, Uri baseUrl) => snapshot.Edit(envDocument: doc =>
    {
        if (doc["completion_webhooks"] is not JsonArray hooks) return;
        for (var i = 0; i < hooks.Count; i++)
        {
            if (hooks[i] is JsonObject hook) hook["url"] = $"{baseUrl}hooks/{i}";
        }
    });
}
