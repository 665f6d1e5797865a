namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>
/// Recursive-descent parser for Jinja expressions with Jinja's precedence (conditional, or, and, not, comparison,
/// + -, ~, * / // %, unary, then postfix and filters). Constructs outside the subset fail here with a message.
/// </summary>
internal sealed class JinjaParser(List<JinjaToken> tokens, Func<string, Exception> error)
{
    private static readonly HashSet<string> Comparisons = ["==", "!=", "<", ">", "<=", ">="];

    private int _position;

    public JinjaToken Current => tokens[_position];

    public static JinjaNode ParseExpression(string text, Func<string, Exception> error)
    {
        var parser = new JinjaParser(JinjaTokenizer.Tokenize(text, error), error);
        if (parser.Current.Kind == JinjaTokenKind.End) throw error("empty expression");
        var node = parser.Expression();
        parser.ExpectEnd();
        return node;
    }

    public JinjaToken Next() => tokens[_position++];

    public void ExpectEnd()
    {
        if (Current.Kind != JinjaTokenKind.End) throw error($"unexpected {Current}{Hint(Current)}");
    }

    public string ExpectName()
    {
        if (Current.Kind != JinjaTokenKind.Name) throw error($"expected a name, got {Current}");
        return Next().Text;
    }

    public void Expect(string op)
    {
        if (!Current.Is(op)) throw error($"expected \"{op}\", got {Current}");
        _position++;
    }

    public JinjaNode Expression()
    {
        var node = Or();
        if (!Current.IsName("if")) return node;
        _position++;
        var test = Or();
        JinjaNode? otherwise = null;
        if (Current.IsName("else"))
        {
            _position++;
            otherwise = Expression();
        }

        return new ConditionalNode(test, node, otherwise);
    }

    private static string Hint(JinjaToken token) => token switch
    {
        { Kind: JinjaTokenKind.Name, Text: "is" } => " (tests such as \"is defined\" are not supported)",
        { Kind: JinjaTokenKind.Operator, Text: "**" } => " (the ** operator is not supported)",
        _ => "",
    };

    private JinjaNode Or()
    {
        var node = And();
        while (Current.IsName("or"))
        {
            _position++;
            node = new BinaryNode("or", node, And());
        }

        return node;
    }

    private JinjaNode And()
    {
        var node = Not();
        while (Current.IsName("and"))
        {
            _position++;
            node = new BinaryNode("and", node, Not());
        }

        return node;
    }

    private JinjaNode Not()
    {
        if (!Current.IsName("not")) return Compare();
        _position++;
        return new NotNode(Not());
    }

    private JinjaNode Compare()
    {
        var node = Additive();
        var compared = false;
        while (true)
        {
            string op;
            if (Current.Kind == JinjaTokenKind.Operator && Comparisons.Contains(Current.Text)) op = Next().Text;
            else if (Current.IsName("in")) op = Next().Text;
            else if (Current.IsName("not") && tokens[_position + 1].IsName("in"))
            {
                _position += 2;
                op = "not in";
            }
            else return node;

            if (compared) throw error("chained comparisons (a < b < c) are not supported");
            compared = true;
            node = new BinaryNode(op, node, Additive());
        }
    }

    private JinjaNode Additive()
    {
        var node = Concat();
        while (Current.Is("+") || Current.Is("-"))
        {
            var op = Next().Text;
            node = new BinaryNode(op, node, Concat());
        }

        return node;
    }

    private JinjaNode Concat()
    {
        var node = Multiplicative();
        while (Current.Is("~"))
        {
            _position++;
            node = new BinaryNode("~", node, Multiplicative());
        }

        return node;
    }

    private JinjaNode Multiplicative()
    {
        var node = Unary();
        while (Current.Is("*") || Current.Is("/") || Current.Is("//") || Current.Is("%"))
        {
            var op = Next().Text;
            node = new BinaryNode(op, node, Unary());
        }

        return node;
    }

    private JinjaNode Unary()
    {
        JinjaNode node;
        if (Current.Is("-"))
        {
            _position++;
            node = new NegateNode(Unary());
        }
        else if (Current.Is("+"))
        {
            _position++;
            node = Unary();
        }
        else
        {
            node = Postfix(Primary());
        }

        return Filters(node);
    }

    private JinjaNode Primary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case JinjaTokenKind.String:
                var text = (string)token.Value!;
                while (Current.Kind == JinjaTokenKind.String) text += (string)Next().Value!;
                return new LiteralNode(text);
            case JinjaTokenKind.Integer or JinjaTokenKind.Float:
                return new LiteralNode(token.Value);
            case JinjaTokenKind.Name:
                return token.Text switch
                {
                    "true" or "True" => new LiteralNode(true),
                    "false" or "False" => new LiteralNode(false),
                    "none" or "None" => new LiteralNode(null),
                    _ => new NameNode(token.Text),
                };
        }

        if (token.Is("("))
        {
            var inner = Expression();
            if (Current.Is(",")) throw error("tuples are not supported");
            Expect(")");
            return inner;
        }

        if (token.Is("[")) return new ListNode(Items("]"));
        if (token.Is("{")) return Dict();
        throw error($"unexpected {token}{Hint(token)}");
    }

    private DictNode Dict()
    {
        var items = new List<(string, JinjaNode)>();
        while (!Current.Is("}"))
        {
            if (Current.Kind != JinjaTokenKind.String) throw error("dict literal keys must be string literals");
            var key = (string)Next().Value!;
            Expect(":");
            items.Add((key, Expression()));
            if (!Current.Is(",")) break;
            _position++;
        }

        Expect("}");
        return new DictNode(items);
    }

    private List<JinjaNode> Items(string close)
    {
        var items = new List<JinjaNode>();
        while (!Current.Is(close))
        {
            if (Current.Kind == JinjaTokenKind.Name && tokens[_position + 1].Is("=")) throw error($"keyword arguments ({Current.Text}=...) are not supported");
            items.Add(Expression());
            if (!Current.Is(",")) break;
            _position++;
        }

        Expect(close);
        return items;
    }

    private JinjaNode Postfix(JinjaNode node)
    {
        while (true)
        {
            if (Current.Is("."))
            {
                _position++;
                if (Current.Kind != JinjaTokenKind.Name) throw error($"expected an attribute name after \".\", got {Current}");
                node = new AttributeNode(node, Next().Text);
            }
            else if (Current.Is("["))
            {
                _position++;
                if (Current.Is(":")) throw error("slices are not supported");
                var index = Expression();
                if (Current.Is(":")) throw error("slices are not supported");
                Expect("]");
                node = new IndexNode(node, index);
            }
            else if (Current.Is("("))
            {
                if (node is AttributeNode { Name: "items" or "keys" or "values" or "get" } method)
                {
                    _position++;
                    node = new MethodNode(method.Target, method.Name, Items(")"));
                    continue;
                }

                if (node is not NameNode function) throw error("method calls other than items(), keys(), values() and get() are not supported; functions such as range(n) can be called");
                _position++;
                node = new CallNode(function.Name, Items(")"));
            }
            else
            {
                return node;
            }
        }
    }

    private JinjaNode Filters(JinjaNode node)
    {
        while (Current.Is("|"))
        {
            _position++;
            var name = ExpectName();
            IReadOnlyList<JinjaNode> arguments = [];
            if (Current.Is("("))
            {
                _position++;
                arguments = Items(")");
            }

            node = new FilterNode(node, name, arguments);
        }

        return node;
    }
}
