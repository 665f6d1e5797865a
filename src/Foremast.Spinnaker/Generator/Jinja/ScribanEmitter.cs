using System.Globalization;
using System.Text;

namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>
/// Writes a parsed Jinja expression as a Scriban expression. Every compound part is parenthesised, so Scriban's
/// precedence never differs from Jinja's. Jinja semantics Scriban lacks go through the <c>j2_*</c> functions of
/// <see cref="JinjaRuntime"/>; <c>loop.*</c> maps onto Scriban's <c>for.*</c> of the innermost loop.
/// </summary>
internal sealed class ScribanEmitter(JinjaScope scope, Func<string, Exception> error)
{
    /// <summary>Functions a Foremast manual template may call (see <c>ManualPipelines.Globals</c>).</summary>
    private static readonly HashSet<string> Functions = ["generate_predictable_pipeline_id", "get_pipeline_id", "raise_exception"];

    /// <summary>Jinja globals implemented by <see cref="JinjaRuntime"/>.</summary>
    private static readonly Dictionary<string, string> Builtins = new(StringComparer.Ordinal) { ["range"] = "j2_range" };

    /// <summary>Jinja filter → the Scriban function implementing it.</summary>
    private static readonly Dictionary<string, string> FilterFunctions = new(StringComparer.Ordinal)
    {
        ["tojson"] = "tojson",
        ["default"] = "j2_default",
        ["d"] = "j2_default",
        ["upper"] = "j2_upper",
        ["lower"] = "j2_lower",
        ["trim"] = "j2_trim",
        ["replace"] = "j2_replace",
        ["length"] = "j2_length",
        ["count"] = "j2_length",
        ["join"] = "j2_join",
        ["int"] = "j2_int",
        ["string"] = "j2_string",
        ["safe"] = "j2_safe",
    };

    /// <summary>Scriban keywords and builtin objects: a Jinja variable of that name would mean something else in Scriban.</summary>
    private static readonly HashSet<string> Reserved =
    [
        "if", "else", "end", "for", "in", "while", "case", "when", "break", "continue", "func", "ret", "capture", "readonly",
        "import", "with", "wrap", "include", "tablerow", "do", "this", "empty", "blank", "null", "true", "false",
        "array", "date", "html", "math", "object", "regex", "string", "timespan", "tojson",
    ];

    /// <summary>Jinja's <c>x.name</c> finds these dict methods before a key of that name; Scriban would find the key.</summary>
    private static readonly HashSet<string> DictMethods = ["items", "keys", "values", "get", "pop", "popitem", "copy", "update", "clear", "setdefault", "fromkeys"];

    /// <summary>The Scriban variable for a Jinja variable name in the current scope.</summary>
    public string Variable(string name)
    {
        if (Reserved.Contains(name) || name.StartsWith("j2_", StringComparison.Ordinal)) throw error($"the variable name \"{name}\" is reserved in the Scriban translation; rename it");
        return scope.Resolve(name);
    }

    /// <summary>An expression whose value is printed or assigned.</summary>
    public string Value(JinjaNode node) => Emit(node, condition: false);

    /// <summary>An expression used only for its truth (if/elif): <c>and</c>/<c>or</c> can be Scriban's boolean operators.</summary>
    public string Condition(JinjaNode node) => Emit(node, condition: true);

    private string Emit(JinjaNode node, bool condition) => node switch
    {
        LiteralNode literal => Literal(literal.Value),
        NameNode name => name.Name == "loop" && scope.LoopList is not null ? throw error("\"loop\" can only be used as loop.index, loop.index0, loop.first, loop.last, loop.length, loop.revindex or loop.revindex0") : Variable(name.Name),
        AttributeNode { Target: NameNode { Name: "loop" } } loop when scope.LoopList is not null => LoopAttribute(loop.Name),
        AttributeNode attribute => Member(attribute),
        IndexNode index => $"{Target(index.Target)}[{Value(index.Index)}]",
        CallNode call => Call(call),
        MethodNode method => Method(method),
        FilterNode filter => Filter(filter),
        NotNode not => $"(!{Emit(not.Operand, condition: true)})",
        NegateNode negate => $"(-{Value(negate.Operand)})",
        BinaryNode binary => Binary(binary, condition),
        ConditionalNode conditional => $"({Condition(conditional.Test)} ? {Emit(conditional.Then, condition)} : {(conditional.Else is null ? "null" : Emit(conditional.Else, condition))})",
        ListNode list => $"[{string.Join(", ", list.Items.Select(Value))}]",
        DictNode dict => $"{{{string.Join(", ", dict.Items.Select(i => $"{Literal(i.Key)}: {Value(i.Value)}"))}}}",
        _ => throw error($"unsupported expression {node.GetType().Name}"),
    };

    private string LoopAttribute(string name)
    {
        return name switch
        {
            "index" => "(for.index + 1)",
            "index0" => "for.index",
            "first" => "for.first",
            "last" => "for.last",
            "revindex" => "(for.rindex + 1)",
            "revindex0" => "for.rindex",
            "length" => $"j2_length({scope.LoopList})",
            _ => throw error($"loop.{name} is not supported (supported: index, index0, first, last, length, revindex, revindex0)"),
        };
    }

    private string Member(AttributeNode attribute)
    {
        if (DictMethods.Contains(attribute.Name)) throw error($".{attribute.Name} is the dict method in Jinja, not the key \"{attribute.Name}\"; write ['{attribute.Name}']");
        var target = Target(attribute.Target);
        return IsIdentifier(attribute.Name) && !Reserved.Contains(attribute.Name) ? $"{target}.{attribute.Name}" : $"{target}[{Literal(attribute.Name)}]";
    }

    /// <summary>Member and index targets stay bare when they are chains already, else they get parentheses.</summary>
    private string Target(JinjaNode node)
    {
        var text = Value(node);
        return node is NameNode or AttributeNode or IndexNode or CallNode ? text : $"({text})";
    }

    private string Method(MethodNode method)
    {
        var target = Target(method.Target);
        var arguments = method.Arguments.Select(Value).ToList();
        if (method.Method is "items" or "keys" or "values" && arguments.Count > 0) throw error($".{method.Method}() takes no arguments");
        return method.Method switch
        {
            "items" => $"j2_items({target})",
            "keys" => $"j2_iter({target})",
            "values" => $"j2_values({target})",
            _ when arguments.Count is 1 or 2 => $"j2_get({target}, {string.Join(", ", arguments)})",
            _ => throw error(".get() takes a key and an optional default"),
        };
    }

    private string Call(CallNode call)
    {
        if (Builtins.TryGetValue(call.Function, out var builtin)) return $"{builtin}({string.Join(", ", call.Arguments.Select(Value))})";
        if (!Functions.Contains(call.Function)) throw error($"unknown function \"{call.Function}\" (available: {string.Join(", ", Functions.Concat(Builtins.Keys).Order(StringComparer.Ordinal))})");
        return $"{call.Function}({string.Join(", ", call.Arguments.Select(Value))})";
    }

    private string Filter(FilterNode filter)
    {
        if (!FilterFunctions.TryGetValue(filter.Filter, out var function))
        {
            throw error($"unsupported filter \"{filter.Filter}\" (supported: {string.Join(", ", FilterFunctions.Keys.Order(StringComparer.Ordinal))})");
        }

        var arguments = new[] { filter.Target }.Concat(filter.Arguments).Select(Value);
        return $"{function}({string.Join(", ", arguments)})";
    }

    private string Binary(BinaryNode binary, bool condition)
    {
        // Only and/or pass the condition context on to their operands; every other operator works on values.
        var logical = binary.Operator is "and" or "or";
        var left = Emit(binary.Left, logical && condition);
        var right = Emit(binary.Right, logical && condition);
        return binary.Operator switch
        {
            // Jinja's and/or give an operand, not a boolean ("x or 'default'"); in a condition only the truth counts.
            "and" => condition ? $"({left} && {right})" : $"({left} ? {right} : {left})",
            "or" => condition ? $"({left} || {right})" : $"({left} ? {left} : {right})",
            "~" => $"j2_concat({left}, {right})",
            "in" => $"j2_in({left}, {right})",
            "not in" => $"(!j2_in({left}, {right}))",
            "==" => $"j2_eq({left}, {right})",
            "!=" => $"(!j2_eq({left}, {right}))",
            "//" => $"j2_floordiv({left}, {right})",
            "%" => $"j2_mod({left}, {right})",
            _ => $"({left} {binary.Operator} {right})",
        };
    }

    private static bool IsIdentifier(string name) => name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Literal(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("0.0###############", CultureInfo.InvariantCulture),
        string s => Quote(s),
        _ => throw new InvalidOperationException($"unexpected literal {value}"),
    };

    public static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }
}
