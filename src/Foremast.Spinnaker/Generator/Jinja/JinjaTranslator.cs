using System.Text;
using System.Threading;

namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>
/// Translates the Jinja subset Foremast's manual pipeline templates use into Scriban text that renders the same output
/// in a <see cref="JsonTemplateContext"/> with <see cref="JinjaRuntime.Functions"/>. Text is copied verbatim and the
/// line structure is kept, so Scriban's runtime errors point at the Jinja file's lines. Anything outside the subset
/// throws <see cref="JinjaTemplateException"/> naming the file and line: a template is translated faithfully or not at all.
/// </summary>
public static class JinjaTranslator
{
    private const string Supported = "if, elif, else, endif, for, endfor, set, include, raw";

    // Process-wide, so a loop variable of an included template never clobbers the including template's.
    private static int _loopCounter;

    public static string Translate(string file, string source)
    {
        var output = new StringBuilder(source.Length + source.Length / 2);
        var blocks = new Stack<(string Tag, int Line)>();
        foreach (var segment in JinjaLexer.Split(file, source))
        {
            Exception Error(string problem) => new JinjaTemplateException(file, segment.Line, problem);
            var emitter = Emitter(blocks, Error);
            switch (segment.Kind)
            {
                case JinjaSegmentKind.Text:
                    AppendText(output, segment.Content);
                    break;
                case JinjaSegmentKind.Comment:
                    Code(output, "", segment);
                    break;
                case JinjaSegmentKind.Output:
                    var node = JinjaParser.ParseExpression(segment.Content, Error);
                    var value = emitter.Value(node);

                    // tojson and safe give JSON to write as is; anything else prints as Python's str().
                    Code(output, node is FilterNode { Filter: "tojson" or "safe" } ? value : $"j2_print({value})", segment);
                    break;
                default:
                    Code(output, Statement(segment, blocks, Error), segment);
                    break;
            }
        }

        if (blocks.Count > 0)
        {
            var (open, line) = blocks.Peek();
            var tag = open.Split(' ')[0];
            throw new JinjaTemplateException(file, line, $"{{% {tag} %}} is never closed with {{% end{tag} %}}");
        }

        return output.ToString();
    }

    private static string Statement(JinjaSegment segment, Stack<(string Tag, int Line)> blocks, Func<string, Exception> error)
    {
        var tokens = JinjaTokenizer.Tokenize(segment.Content, error);
        if (tokens[0].Kind != JinjaTokenKind.Name) throw error($"expected a tag name in {{% {segment.Content} %}}");
        var tag = tokens[0].Text;
        var parser = new JinjaParser(tokens, error);
        parser.Next();
        var emitter = Emitter(blocks, error);
        switch (tag)
        {
            case "if":
                var test = emitter.Condition(parser.Expression());
                parser.ExpectEnd();
                blocks.Push(("if", segment.Line));
                return $"if {test}";
            case "elif":
                Expect(blocks, "if", tag, error);
                var elif = emitter.Condition(parser.Expression());
                parser.ExpectEnd();
                return $"else if {elif}";
            case "else":
                parser.ExpectEnd();
                if (blocks.Count == 0 || blocks.Peek().Tag.Split(' ')[0] is not ("if" or "for")) throw error("{% else %} outside {% if %} or {% for %}");
                return "else";
            case "endif":
            case "endfor":
                parser.ExpectEnd();
                Expect(blocks, tag[3..], tag, error);
                blocks.Pop();
                return "end";
            case "for":
                return For(parser, blocks, segment, error);
            case "set":
                var name = emitter.Variable(parser.ExpectName());
                if (parser.Current.Is(",")) throw error("{% set a, b = ... %} (tuple assignment) is not supported");
                if (!parser.Current.Is("=")) throw error("block assignments ({% set x %}...{% endset %}) are not supported");
                parser.Expect("=");
                var assigned = emitter.Value(parser.Expression());
                parser.ExpectEnd();
                return $"{name} = {assigned}";
            case "include":
                var included = parser.Next();
                if (included.Kind != JinjaTokenKind.String) throw error("{% include %} needs a template name as a string literal");
                if (parser.Current.Kind != JinjaTokenKind.End) throw error($"{{% include \"{included.Value}\" {parser.Current.Text} ... %}} is not supported; write {{% include \"name\" %}}");
                return $"j2_include({Quote((string)included.Value!)})";
            case "raw":
            case "endraw":
                // The lexer made the raw body a text segment already.
                return "";
            default:
                throw error($"unsupported tag {{% {tag} %}} (supported: {Supported})");
        }
    }

    private static string For(JinjaParser parser, Stack<(string Tag, int Line)> blocks, JinjaSegment segment, Func<string, Exception> error)
    {
        var emitter = Emitter(blocks, error);
        var variable = emitter.Variable(parser.ExpectName());
        if (parser.Current.Is(",")) throw error("{% for a, b in ... %} (tuple unpacking) is not supported");
        if (!parser.Current.IsName("in")) throw error($"expected \"in\" in {{% {segment.Content} %}}");
        parser.Next();
        var sequence = emitter.Value(parser.Expression());
        if (parser.Current.IsName("recursive")) throw error("recursive loops are not supported");
        parser.ExpectEnd();
        var list = $"j2_loop{Interlocked.Increment(ref _loopCounter)}";
        blocks.Push(($"for {list}", segment.Line));
        return $"{list} = j2_iter({sequence}); for {variable} in {list}";
    }

    /// <summary>A fresh emitter that knows the enclosing loops (their list variables serve <c>loop.length</c>).</summary>
    private static ScribanEmitter Emitter(Stack<(string Tag, int Line)> blocks, Func<string, Exception> error)
    {
        var emitter = new ScribanEmitter(error);
        foreach (var (tag, _) in blocks.Reverse())
        {
            if (tag.StartsWith("for ", StringComparison.Ordinal)) emitter.EnterLoop(tag[4..]);
        }

        return emitter;
    }

    private static void Expect(Stack<(string Tag, int Line)> blocks, string open, string tag, Func<string, Exception> error)
    {
        var top = blocks.Count == 0 ? null : blocks.Peek().Tag.Split(' ')[0];
        if (top != open) throw error(top is null ? $"{{% {tag} %}} without {{% {open} %}}" : $"{{% {tag} %}} found while {{% {top} %}} (line {blocks.Peek().Line}) is open");
    }

    /// <summary>A Scriban code block; the line breaks the Jinja tag held (or trimmed) go inside it, outside any output.</summary>
    private static void Code(StringBuilder output, string code, JinjaSegment segment)
    {
        if (code.Length == 0 && segment.Newlines == 0) return;
        output.Append("{{ ").Append(code).Append('\n', segment.Newlines).Append(segment.Newlines > 0 ? "}}" : " }}");
    }

    /// <summary>Text is literal; text with braces goes in an escape block, so Scriban never reads it (or a following tag) as code.</summary>
    private static void AppendText(StringBuilder output, string text)
    {
        if (text.Length == 0) return;
        if (!text.Contains('{', StringComparison.Ordinal) && !text.Contains('}', StringComparison.Ordinal))
        {
            output.Append(text);
            return;
        }

        var percents = "%";
        while (text.Contains("}" + percents + "}", StringComparison.Ordinal) || text.EndsWith("}" + percents, StringComparison.Ordinal)) percents += "%";
        output.Append('{').Append(percents).Append('{').Append(text).Append('}').Append(percents).Append('}');
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
