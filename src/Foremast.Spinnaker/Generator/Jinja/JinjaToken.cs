using System.Globalization;
using System.Text;

namespace Foremast.Spinnaker.Generator.Jinja;

internal enum JinjaTokenKind
{
    Name,
    String,
    Integer,
    Float,
    Operator,
    End,
}

internal readonly record struct JinjaToken(JinjaTokenKind Kind, string Text, object? Value = null)
{
    public bool Is(string op) => Kind == JinjaTokenKind.Operator && Text == op;

    public bool IsName(string name) => Kind == JinjaTokenKind.Name && Text == name;

    public override string ToString() => Kind == JinjaTokenKind.End ? "end of expression" : $"\"{Text}\"";
}

/// <summary>Tokenizes the inside of a <c>{{ }}</c> or <c>{% %}</c> tag (Jinja's expression lexer, for the supported subset).</summary>
internal static class JinjaTokenizer
{
    // Longest first, so "//" wins over "/" and "<=" over "<".
    private static readonly string[] Operators = ["**", "//", "==", "!=", "<=", ">=", "(", ")", "[", "]", "{", "}", ".", ",", ":", "|", "~", "+", "-", "*", "/", "%", "<", ">", "="];

    public static List<JinjaToken> Tokenize(string text, Func<string, Exception> error)
    {
        var tokens = new List<JinjaToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new JinjaToken(JinjaTokenKind.Name, text[start..i]));
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '_')) i++;
                var isFloat = i + 1 < text.Length && text[i] == '.' && char.IsDigit(text[i + 1]);
                if (isFloat)
                {
                    i++;
                    while (i < text.Length && char.IsDigit(text[i])) i++;
                }

                var literal = text[start..i].Replace("_", "", StringComparison.Ordinal);
                tokens.Add(isFloat
                    ? new JinjaToken(JinjaTokenKind.Float, literal, double.Parse(literal, CultureInfo.InvariantCulture))
                    : new JinjaToken(JinjaTokenKind.Integer, literal, long.Parse(literal, CultureInfo.InvariantCulture)));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(ReadString(text, ref i, error));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw error($"unexpected character '{c}'");
                tokens.Add(new JinjaToken(JinjaTokenKind.Operator, op));
                i += op.Length;
            }
        }

        tokens.Add(new JinjaToken(JinjaTokenKind.End, ""));
        return tokens;
    }

    /// <summary>A Python string literal with the common escapes.</summary>
    private static JinjaToken ReadString(string text, ref int i, Func<string, Exception> error)
    {
        var quote = text[i];
        var start = i++;
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length) throw error($"unterminated string literal {text[start..]}");
            var c = text[i++];
            if (c == quote) break;
            if (c != '\\' || i >= text.Length)
            {
                value.Append(c);
                continue;
            }

            var escaped = text[i++];
            switch (escaped)
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case '\\' or '\'' or '"': value.Append(escaped); break;
                case 'u' when i + 4 <= text.Length:
                    value.Append((char)int.Parse(text.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: value.Append('\\').Append(escaped); break;
            }
        }

        return new JinjaToken(JinjaTokenKind.String, text[start..i], value.ToString());
    }
}
