using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foremast.Core.Validation;

/// <summary>Reads a JSON file into a node, turning unreadable JSON into a diagnostic with line and column.</summary>
public static class JsonFileReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };

    public static JsonNode? Read(string path, string displayName, ICollection<Diagnostic> diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            diagnostics.Add(Diagnostic.Error(displayName, "$", $"cannot read file ({e.Message})"));
            return null;
        }

        return Parse(text, displayName, diagnostics);
    }

    public static JsonNode? Parse(string text, string displayName, ICollection<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(Diagnostic.Error(displayName, "$", "file is empty (expected a JSON object)"));
            return null;
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: Options);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            diagnostics.Add(Diagnostic.Error(displayName, $"{line}:{column}", $"invalid JSON: {reason}"));
            return null;
        }
    }
}
