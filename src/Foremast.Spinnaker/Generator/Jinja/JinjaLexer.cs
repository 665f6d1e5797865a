using System.Text.RegularExpressions;

namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>
/// Splits a Jinja source into segments with Foremast's environment settings (Jinja defaults: no trim_blocks, no
/// lstrip_blocks, one trailing newline dropped), applies <c>-</c> whitespace control and keeps <c>{% raw %}</c> bodies as text.
/// </summary>
internal static partial class JinjaLexer
{
    public static List<JinjaSegment> Split(string file, string source)
    {
        source = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (source.EndsWith('\n')) source = source[..^1];

        var segments = new List<JinjaSegment>();
        var position = 0;
        var line = 1;
        while (position < source.Length)
        {
            var open = NextOpener(source, position);
            if (open < 0)
            {
                AddText(segments, source[position..], line);
                break;
            }

            AddText(segments, source[position..open], line);
            line += Count(source, position, open);
            var kind = source[open + 1] switch { '{' => JinjaSegmentKind.Output, '%' => JinjaSegmentKind.Statement, _ => JinjaSegmentKind.Comment };
            var closer = kind switch { JinjaSegmentKind.Output => "}}", JinjaSegmentKind.Statement => "%}", _ => "#}" };
            var start = open + 2;
            var trimBefore = start < source.Length && source[start] == '-';
            if (start < source.Length && source[start] is '-' or '+') start++;
            var close = kind == JinjaSegmentKind.Comment ? source.IndexOf(closer, start, StringComparison.Ordinal) : FindCloser(source, start, closer);
            if (close < 0) throw new JinjaTemplateException(file, line, $"\"{source.Substring(open, 2)}\" is never closed with \"{closer}\"");
            var end = close;
            var trimAfter = end > start && source[end - 1] == '-';
            if (end > start && source[end - 1] is '-' or '+') end--;
            var segment = new JinjaSegment(kind, source[start..end].Trim(), line, trimBefore, trimAfter) { Newlines = Count(source, open, close) };
            segments.Add(segment);
            line += segment.Newlines;
            position = close + 2;

            if (kind == JinjaSegmentKind.Statement && segment.Content == "raw")
            {
                // The body of a raw block is text, up to the first endraw tag.
                var endRaw = EndRaw().Match(source, position);
                if (!endRaw.Success) throw new JinjaTemplateException(file, segment.Line, "{% raw %} is never closed with {% endraw %}");
                AddText(segments, source[position..endRaw.Index], line);
                line += Count(source, position, endRaw.Index);
                segments.Add(new JinjaSegment(JinjaSegmentKind.Statement, "endraw", line, endRaw.Groups[1].Value == "-", endRaw.Groups[2].Value == "-"));
                position = endRaw.Index + endRaw.Length;
            }
        }

        ApplyWhitespaceControl(segments);
        return segments;
    }

    /// <summary><c>{%-</c> strips the whitespace before a tag, <c>-%}</c> the whitespace after it, newlines included.</summary>
    private static void ApplyWhitespaceControl(List<JinjaSegment> segments)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var tag = segments[i];
            if (tag.Kind == JinjaSegmentKind.Text) continue;
            if (tag.TrimBefore && i > 0 && segments[i - 1].Kind == JinjaSegmentKind.Text)
            {
                var text = segments[i - 1].Content;
                var kept = text.TrimEnd();
                tag.Newlines += text[kept.Length..].Count(c => c == '\n');
                segments[i - 1].Content = kept;
            }

            if (tag.TrimAfter && i + 1 < segments.Count && segments[i + 1].Kind == JinjaSegmentKind.Text)
            {
                var text = segments[i + 1].Content;
                var kept = text.TrimStart();
                tag.Newlines += text[..(text.Length - kept.Length)].Count(c => c == '\n');
                segments[i + 1].Content = kept;
            }
        }
    }

    private static void AddText(List<JinjaSegment> segments, string text, int line)
    {
        if (text.Length > 0) segments.Add(new JinjaSegment(JinjaSegmentKind.Text, text, line, false, false));
    }

    private static int NextOpener(string source, int from)
    {
        for (var i = source.IndexOf('{', from); i >= 0 && i + 1 < source.Length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%' or '#') return i;
        }

        return -1;
    }

    /// <summary>
    /// The closing delimiter outside string literals and brackets, as Jinja's lexer finds it: <c>{{ "}}" }}</c> and
    /// <c>{{ {"a": {"b": 1}} | tojson }}</c> close at their last delimiter.
    /// </summary>
    private static int FindCloser(string source, int from, string closer)
    {
        char? quote = null;
        var depth = 0;
        for (var i = from; i < source.Length - 1; i++)
        {
            var c = source[i];
            if (quote is { } q)
            {
                if (c == '\\') i++;
                else if (c == q) quote = null;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (depth == 0 && c == closer[0] && source[i + 1] == closer[1])
            {
                return i;
            }
            else if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')' && depth > 0)
            {
                depth--;
            }
        }

        return -1;
    }

    private static int Count(string source, int from, int to)
    {
        var n = 0;
        for (var i = from; i < to; i++)
        {
            if (source[i] == '\n') n++;
        }

        return n;
    }

    [GeneratedRegex(@"\{%(-?)\s*endraw\s*(-?)%\}")]
    private static partial Regex EndRaw();
}
