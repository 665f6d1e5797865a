using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foremast.Cli.Publish;

/// <summary>Reads the documents <c>foremast generate</c> writes: <c>DIR/pipeline.*.json</c>, one pipeline each.</summary>
public static class GeneratedPipelines
{
    public const string Pattern = "pipeline.*.json";

    public static IReadOnlyList<JsonObject> Read(string directory)
    {
        if (!Directory.Exists(directory)) throw new InvalidInputException($"{directory}: pipelines directory not found");

        var files = Directory.EnumerateFiles(directory, Pattern).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidInputException($"{directory}: no {Pattern} files (run foremast generate first)");

        var documents = new List<JsonObject>();
        foreach (var file in files)
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(File.ReadAllText(file));
            }
            catch (JsonException e)
            {
                throw new InvalidInputException($"{file}: not valid JSON: {e.Message}");
            }

            if (node is not JsonObject pipeline) throw new InvalidInputException($"{file}: expected a pipeline object");
            if (pipeline["name"] is not JsonValue name || !name.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
            {
                throw new InvalidInputException($"{file}: the pipeline has no \"name\"");
            }

            documents.Add(pipeline);
        }

        return documents;
    }
}
