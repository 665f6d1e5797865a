using System.Text.Json.Nodes;
using Foremast.Core.Plan;

namespace Foremast.Spinnaker.Generator;

/// <summary>
/// Applies Foremast's <c>renumerate_stages</c> to rendered stages: templates say "master" or "branch" and
/// <see cref="StageNumbering"/> (the same rule the durable engine plans with) turns that into Spinnaker refIds.
/// </summary>
internal static class StageRenumbering
{
    public static void Apply(JsonArray stages)
    {
        var placeholders = stages.Select(s => s?["refId"] is JsonValue v && v.TryGetValue<string>(out var refId) ? refId : null).ToList();
        var numbers = StageNumbering.Assign(placeholders);
        for (var i = 0; i < stages.Count; i++)
        {
            if (numbers[i] is not { } number || stages[i] is not JsonObject stage) continue;
            stage["refId"] = number.RefId;
            stage["requisiteStageRefIds"] = new JsonArray(number.Requisites.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        }
    }
}
