using System.Text.Json.Nodes;

namespace Foremast.Spinnaker.Generator;

/// <summary>One pipeline document as it would be POSTed to Gate <c>/pipelines</c>.</summary>
/// <param name="Region">The region of a region pipeline; null for manual pipelines.</param>
/// <param name="FileName">Where the CLI writes it: <c>pipeline.&lt;region&gt;.json</c>, <c>pipeline.&lt;region&gt;.onetime-&lt;env&gt;.json</c>, <c>pipeline.manual.&lt;name&gt;.json</c>.</param>
public sealed record GeneratedPipeline(string? Region, string FileName, JsonObject Document)
{
    public string Name => Document["name"]?.ToString() ?? "";

    public int StageCount => Document["stages"] is JsonArray stages ? stages.Count : 0;
}
