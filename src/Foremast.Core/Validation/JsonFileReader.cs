using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Foremast.Core.Validation;

/// <summary>Reads a JSON file into a node, turning unreadable JSON into a diagnostic with line and column.</summary>
public static class JsonFileReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, AllowDuplicateProperties = false };

    // The duplicate-key error carries no position, so the second spelling of the key is looked up in the text.
    private static readonly Regex DuplicateKey = new("^Duplicate property '(.*)' encountered", RegexOptions.CultureInvariant);

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
            if (e.LineNumber is null && DuplicateKey.Match(reason) is { Success: true } m) (line, column) = SecondOccurrence(text, m.Groups[1].Value);
            diagnostics.Add(Diagnostic.Error(displayName, $"{line}:{column}", $"invalid JSON: {reason}"));
            return null;
        }
    }

    private static (long Line, long Column) SecondOccurrence(string text, string key)
    {
        // The key as the file spells it: JSON-escaped as the serializer would (without reflection, for the native foremast).
        var quoted = $"\"{JsonEncodedText.Encode(key)}\"";
        var matches = Regex.Matches(text, Regex.Escape(quoted) + "\\s*:");
        if (matches.Count < 2) return (1, 1);
        var index = matches[1].Index;
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        return (line, column);
    }
}
