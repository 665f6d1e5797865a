using System.Text;
using System.Text.Json.Nodes;
using Foremast.Core.Json;
using Foremast.Core.Validation;

namespace Foremast.Core.Config;

/// <summary>
/// Reads Foremast's <c>config.py</c> when it is what Foremast's examples show: comments and one
/// <c>CONFIG = {...}</c> literal. Anything else is code this tool does not run; the error names its line and says
/// how to turn the config into JSON.
/// </summary>
public static class ConfigPyReader
{
    public static JsonObject? Read(string path, ICollection<Diagnostic> diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(path, "$", $"cannot read file ({e.Message})"));
            return null;
        }

        var lines = StripComments(text).Split('\n');
        var start = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("CONFIG", StringComparison.Ordinal) && line[6..].TrimStart().StartsWith('='))
            {
                start = i;
                break;
            }

            return Unreadable(path, i, lines[i], diagnostics);
        }

        if (start < 0)
        {
            diagnostics.Add(Diagnostic.Error(path, "$", $"no CONFIG = {{...}} assignment found{HowToConvert}"));
            return null;
        }

        var first = lines[start];
        var rest = first[(first.IndexOf('=', StringComparison.Ordinal) + 1)..] + "\n" + string.Join("\n", lines.Skip(start + 1));
        var end = LiteralEnd(rest);
        if (end < 0 || !PythonLiteral.TryParse(rest[..end].Trim(), out var node) || node is not JsonObject config)
        {
            return Unreadable(path, start, lines[start], diagnostics, "CONFIG is not a literal dictionary (only dicts, lists, strings, numbers, True/False/None are read)");
        }

        // Anything after the literal is code too.
        var after = rest[end..].Split('\n');
        var consumed = rest[..end].Count(c => c == '\n');
        for (var i = 0; i < after.Length; i++)
        {
            if (after[i].Trim().Length > 0) return Unreadable(path, start + consumed + i, lines[start + consumed + i], diagnostics);
        }

        return config;
    }

    /// <summary>The index just past the dictionary that opens <paramref name="text"/> (quotes respected), or -1.</summary>
    private static int LiteralEnd(string text)
    {
        var open = text.IndexOf('{', StringComparison.Ordinal);
        if (open < 0 || text[..open].Trim().Length > 0) return -1;
        var depth = 0;
        char? quote = null;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\') i++;
                else if (c == quote) quote = null;
                continue;
            }

            if (c is '\'' or '"') quote = c;
            else if (c is '{' or '[' or '(') depth++;
            else if (c is '}' or ']' or ')' && --depth == 0) return i + 1;
        }

        return -1;
    }

    private const string HowToConvert =
        "; convert it to JSON once with python3 -c 'import json, config; print(json.dumps(config.CONFIG, indent=2))' > foremast.json and pass --config foremast.json";

    private static JsonObject? Unreadable(string path, int index, string line, ICollection<Diagnostic> diagnostics, string? why = null)
    {
        var shown = line.Trim();
        if (shown.Length > 60) shown = shown[..57] + "...";
        diagnostics.Add(Diagnostic.Error(path, $"{index + 1}:1", $"cannot read \"{shown}\": {why ?? "config.py may hold only comments and CONFIG = {...}"}{HowToConvert}"));
        return null;
    }

    /// <summary>Blanks <c>#</c> comments outside string literals, keeping line breaks so line numbers stay right.</summary>
    private static string StripComments(string text)
    {
        var builder = new StringBuilder(text.Length);
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                if (i < text.Length) builder.Append('\n');
                continue;
            }

            if (quote is null && c is '\'' or '"') quote = c;
            else if (quote == c && text[i - 1] != '\\') quote = null;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
