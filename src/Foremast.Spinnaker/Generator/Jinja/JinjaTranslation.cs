using System.Text;
using System.Threading;

namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>The translation of one file: walks its segments keeping the open blocks and the current variable scope.</summary>
internal sealed class JinjaTranslation(string file, List<JinjaSegment> segments)
{
    private const string Supported = "if, elif, else, endif, for (with key, value unpacking), endfor, set, include, raw";

    // Process-wide, so a loop variable of an included template never clobbers the including template's.
    private static int _loopCounter;

    private readonly StringBuilder _output = new();
    private readonly Stack<Block> _blocks = new();
    private JinjaScope _scope = JinjaScope.Root;

    public string Run()
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            Exception Error(string problem) => new JinjaTemplateException(file, segment.Line, problem);
            switch (segment.Kind)
            {
                case JinjaSegmentKind.Text:
                    AppendText(segment.Content);
                    break;
                case JinjaSegmentKind.Comment:
                    Code("", segment);
                    break;
                case JinjaSegmentKind.Output:
                    var node = JinjaParser.ParseExpression(segment.Content, Error);
                    var value = new ScribanEmitter(_scope, Error).Value(node);

                    // tojson and safe give JSON to write as is; anything else prints as Python's str().
                    Code(node is FilterNode { Filter: "tojson" or "safe" } ? value : $"j2_print({value})", segment);
                    break;
                default:
                    Statement(i, Error);
                    break;
            }
        }

        if (_blocks.Count > 0)
        {
            var open = _blocks.Peek();
            throw new JinjaTemplateException(file, open.Line, $"{{% {open.Tag} %}} is never closed with {{% end{open.Tag} %}}");
        }

        return _output.ToString();
    }

    private void Statement(int index, Func<string, Exception> error)
    {
        var segment = segments[index];
        var tokens = JinjaTokenizer.Tokenize(segment.Content, error);
        if (tokens[0].Kind != JinjaTokenKind.Name) throw error($"expected a tag name in {{% {segment.Content} %}}");
        var tag = tokens[0].Text;
        var parser = new JinjaParser(tokens, error);
        parser.Next();
        var emitter = new ScribanEmitter(_scope, error);
        switch (tag)
        {
            case "if":
                var test = emitter.Condition(parser.Expression());
                parser.ExpectEnd();
                _blocks.Push(new Block("if", segment.Line, _scope));
                Code($"if {test}", segment);
                break;
            case "elif":
                Expect("if", tag, error);
                var elif = emitter.Condition(parser.Expression());
                parser.ExpectEnd();
                Code($"else if {elif}", segment);
                break;
            case "else":
                parser.ExpectEnd();
                if (_blocks.Count == 0 || _blocks.Peek().Tag is not ("if" or "for")) throw error("{% else %} outside {% if %} or {% for %}");

                // A for's else runs when nothing was iterated, in the enclosing scope.
                _scope = _blocks.Peek().Tag == "for" ? _blocks.Peek().Outer : _scope;
                Code("else", segment);
                break;
            case "endif":
            case "endfor":
                parser.ExpectEnd();
                Expect(tag[3..], tag, error);
                _scope = _blocks.Pop().Outer;
                Code("end", segment);
                break;
            case "for":
                For(index, parser, error);
                break;
            case "set":
                var name = emitter.Variable(parser.ExpectName());
                if (parser.Current.Is(",")) throw error("{% set a, b = ... %} (tuple assignment) is not supported");
                if (!parser.Current.Is("=")) throw error("block assignments ({% set x %}...{% endset %}) are not supported");
                parser.Expect("=");
                var assigned = emitter.Value(parser.Expression());
                parser.ExpectEnd();
                Code($"{name} = {assigned}", segment);
                break;
            case "include":
                Code(Include(parser, error), segment);
                break;
            case "raw":
            case "endraw":
                // The lexer made the raw body a text segment already.
                Code("", segment);
                break;
            default:
                throw error($"unsupported tag {{% {tag} %}} (supported: {Supported})");
        }
    }

    private void For(int index, JinjaParser parser, Func<string, Exception> error)
    {
        var segment = segments[index];
        var emitter = new ScribanEmitter(_scope, error);
        var name = parser.ExpectName();
        emitter.Variable(name);

        // {% for key, value in x.items() %}: the loop walks pairs under a hidden name and unpacks them each iteration.
        var unpacked = new List<string>();
        if (parser.Current.Is(","))
        {
            unpacked.Add(name);
            while (parser.Current.Is(","))
            {
                parser.Next();
                var next = parser.ExpectName();
                emitter.Variable(next);
                unpacked.Add(next);
            }

            name = "j2_pair";
        }

        if (!parser.Current.IsName("in")) throw error($"expected \"in\" in {{% {segment.Content} %}}");
        parser.Next();
        var sequence = emitter.Value(parser.Expression());
        if (parser.Current.IsName("recursive")) throw error("recursive loops are not supported");
        if (parser.Current.IsName("if")) throw error("loop filters ({% for x in xs if ... %}) are not supported");
        parser.ExpectEnd();

        var outer = _scope;
        var assigned = AssignedInBody(index).Where(a => !unpacked.Contains(a)).ToList();
        _scope = outer.Loop(Interlocked.Increment(ref _loopCounter), name, unpacked.Concat(assigned));
        _blocks.Push(new Block("for", segment.Line, outer));
        Code($"{_scope.LoopList} = j2_iter({sequence}); for {_scope.Resolve(name)} in {_scope.LoopList}", segment);

        // Every iteration starts from the enclosing values of what the body assigns, as in Jinja.
        var copies = unpacked.Select((u, i) => $"{_scope.Resolve(u)} = j2_unpack({_scope.Resolve(name)}, {i}, {unpacked.Count})")
            .Concat(assigned.Where(a => a != name).Select(a => $"{_scope.Resolve(a)} = {outer.Resolve(a)}")).ToList();
        if (copies.Count > 0) _output.Append("{{ ").Append(string.Join("; ", copies)).Append(" }}");
    }

    /// <summary>The names a for body assigns with <c>{% set %}</c>, outside its nested loops (which have their own scope).</summary>
    private List<string> AssignedInBody(int forIndex)
    {
        var names = new List<string>();
        var depth = 0;
        for (var i = forIndex + 1; i < segments.Count && depth >= 0; i++)
        {
            if (segments[i].Kind != JinjaSegmentKind.Statement) continue;
            var words = segments[i].Content.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            if (words[0] == "for") depth++;
            else if (words[0] == "endfor") depth--;
            else if (words[0] == "set" && depth == 0 && words.Length > 1)
            {
                var target = new string(words[1].TakeWhile(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
                if (target.Length > 0 && !names.Contains(target)) names.Add(target);
            }
        }

        return names;
    }

    /// <summary><c>{% include "name" %}</c>; inside loops it passes the loop's variables under their Jinja names.</summary>
    private string Include(JinjaParser parser, Func<string, Exception> error)
    {
        var included = parser.Next();
        if (included.Kind != JinjaTokenKind.String) throw error("{% include %} needs a template name as a string literal");
        if (parser.Current.Kind != JinjaTokenKind.End) throw error($"{{% include \"{included.Value}\" {parser.Current.Text} ... %}} is not supported; write {{% include \"name\" %}}");
        var name = ScribanEmitter.Quote((string)included.Value!);
        var locals = _scope.Visible().Select(v => $"{ScribanEmitter.Quote(v.Key)}: {v.Value}").ToList();
        return locals.Count == 0 ? $"j2_include({name})" : $"j2_include({name}, {{{string.Join(", ", locals)}}})";
    }

    private void Expect(string open, string tag, Func<string, Exception> error)
    {
        var top = _blocks.Count == 0 ? null : _blocks.Peek();
        if (top?.Tag != open) throw error(top is null ? $"{{% {tag} %}} without {{% {open} %}}" : $"{{% {tag} %}} found while {{% {top.Tag} %}} (line {top.Line}) is open");
    }

    /// <summary>A Scriban code block; the line breaks the Jinja tag held (or trimmed) go inside it, outside any output.</summary>
    private void Code(string code, JinjaSegment segment)
    {
        if (code.Length == 0 && segment.Newlines == 0) return;
        _output.Append("{{ ").Append(code).Append('\n', segment.Newlines).Append(segment.Newlines > 0 ? "}}" : " }}");
    }

    /// <summary>Text is literal; text with braces goes in an escape block, so Scriban never reads it (or a following tag) as code.</summary>
    private void AppendText(string text)
    {
        if (text.Length == 0) return;
        if (!text.Contains('{', StringComparison.Ordinal) && !text.Contains('}', StringComparison.Ordinal))
        {
            _output.Append(text);
            return;
        }

        var percents = "%";
        while (text.Contains("}" + percents + "}", StringComparison.Ordinal) || text.EndsWith("}" + percents, StringComparison.Ordinal)) percents += "%";
        _output.Append('{').Append(percents).Append('{').Append(text).Append('}').Append(percents).Append('}');
    }

    /// <param name="Outer">The scope in force before the block opened, restored when it closes.</param>
    private sealed record Block(string Tag, int Line, JinjaScope Outer);
}
