using System.Globalization;
using System.Text.Json.Nodes;

namespace Foremast.Tests.Shared;

/// <summary>
/// Rewrites a pipeline recorded from Foremast into what Foremast.Functions emits on purpose, for the declared
/// differences only, so the rest is compared strictly:
/// (a) Foremast's <c>pipeline_prod*.json.j2</c> emits the Deploy stage twice in a row; the copy is dropped and
///     refIds are renumbered as <c>renumerate_stages</c> would have numbered the remaining stages.
/// (b) ELBv2 target groups cannot occur in recorded pipelines (Foremast has no such support), so nothing to rewrite.
/// </summary>
public static class ForemastDifferences
{
    public static JsonObject DropDuplicateDeploy(JsonObject pipeline)
    {
        var copy = (JsonObject)pipeline.DeepClone();
        if (copy["stages"] is not JsonArray stages) return copy;

        // Recover the placeholders the templates used: a branch stage is numbered main*100+n and requires "main".
        var placeholders = new List<string>();
        foreach (var stage in stages)
        {
            var refId = stage!["refId"]!.GetValue<string>();
            var requisites = stage["requisiteStageRefIds"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
            var isBranch = refId.Length >= 3 && requisites.Count == 1 && int.Parse(refId, CultureInfo.InvariantCulture) / 100 == int.Parse(requisites[0], CultureInfo.InvariantCulture);
            placeholders.Add(isBranch ? "branch" : "master");
        }

        for (var i = stages.Count - 1; i > 0; i--)
        {
            var stage = stages[i]!.AsObject();
            var before = stages[i - 1]!.AsObject();
            if (stage["type"]?.GetValue<string>() == "deploy" && SameExceptNumbering(stage, before))
            {
                stages.RemoveAt(i);
                placeholders.RemoveAt(i);
            }
        }

        var mainCount = 0;
        var previous = "";
        var branch = 0;
        foreach (var (stage, placeholder) in stages.Zip(placeholders))
        {
            if (placeholder == "master")
            {
                stage!["requisiteStageRefIds"] = mainCount == 0 ? new JsonArray() : new JsonArray(mainCount.ToString(CultureInfo.InvariantCulture));
                mainCount++;
                stage["refId"] = mainCount.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                branch = previous == "branch" ? branch + 1 : 0;
                stage!["refId"] = (mainCount * 100 + branch).ToString(CultureInfo.InvariantCulture);
                stage["requisiteStageRefIds"] = new JsonArray(mainCount.ToString(CultureInfo.InvariantCulture));
            }

            previous = placeholder;
        }

        return copy;
    }

    private static bool SameExceptNumbering(JsonObject a, JsonObject b)
    {
        var x = (JsonObject)a.DeepClone();
        var y = (JsonObject)b.DeepClone();
        foreach (var o in new[] { x, y })
        {
            o.Remove("refId");
            o.Remove("requisiteStageRefIds");
        }

        return JsonNode.DeepEquals(x, y);
    }
}
