using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Foremast.Core.Json;

/// <summary>
/// Foremast's config.py values may be strings holding Python literals (<c>"{'health': ':8080/health'}"</c>)
/// or comma-separated lists (<c>"dev,stage"</c>). This mirrors <c>_convert_string_to_native</c>:
/// try <c>ast.literal_eval</c>, else split on commas.
/// </summary>
public static class PythonLiteral
{
    public static JsonNode? ToNative(string value)
    {
        return TryParse(value, out var node)
            ? node
            : new JsonArray(value.Split(',').Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
    }

    /// <summary>A comma list with empty entries removed; native lists pass through.</summary>
    public static IReadOnlyList<string> ToList(JsonNode? node)
    {
        return node switch
        {
            null => [],
            JsonArray array => array.Select(n => n?.ToString() ?? "").Where(s => s.Length > 0).ToList(),
            JsonValue v when v.TryGetValue<string>(out var s) => ToNative(s) is JsonArray parsed ? ToList(parsed) : [s],
            _ => [node.ToString()],
        };
    }

    public static bool TryParse(string text, out JsonNode? node)
    {
        var parser = new Parser(text);
        try
        {
            node = parser.ParseValue();
            parser.SkipWhitespace();
            if (!parser.AtEnd) throw new FormatException("trailing characters");
            return true;
        }
        catch (FormatException)
        {
            node = null;
            return false;
        }
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public bool AtEnd => _pos >= text.Length;

        public void SkipWhitespace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        public JsonNode? ParseValue()
        {
            SkipWhitespace();
            if (AtEnd) throw new FormatException("empty");
            var c = text[_pos];
            return c switch
            {
                '{' => ParseDict(),
                '[' => ParseSequence('[', ']'),
                '(' => ParseSequence('(', ')'),
                '\'' or '"' => JsonValue.Create(ParseString()),
                _ when c == '-' || char.IsDigit(c) => ParseNumber(),
                _ => ParseName(),
            };
        }

        private JsonObject ParseDict()
        {
            var result = new JsonObject();
            _pos++;
            while (true)
            {
                SkipWhitespace();
                if (Peek('}')) { _pos++; return result; }
                var key = ParseValue()?.ToString() ?? throw new FormatException("null key");
                SkipWhitespace();
                Expect(':');
                result[key] = ParseValue();
                SkipWhitespace();
                if (Peek(',')) { _pos++; continue; }
                Expect('}');
                return result;
            }
        }

        private JsonArray ParseSequence(char open, char close)
        {
            var result = new JsonArray();
            _pos++;
            while (true)
            {
                SkipWhitespace();
                if (Peek(close)) { _pos++; return result; }
                result.Add(ParseValue());
                SkipWhitespace();
                if (Peek(',')) { _pos++; continue; }
                Expect(close);
                return result;
            }
        }

        private string ParseString()
        {
            var quote = text[_pos++];
            var sb = new StringBuilder();
            while (!AtEnd && text[_pos] != quote)
            {
                if (text[_pos] == '\\' && _pos + 1 < text.Length)
                {
                    _pos++;
                    sb.Append(text[_pos] switch { 'n' => '\n', 't' => '\t', var other => other });
                }
                else
                {
                    sb.Append(text[_pos]);
                }

                _pos++;
            }

            Expect(quote);
            return sb.ToString();
        }

        private JsonNode ParseNumber()
        {
            var start = _pos;
            _pos++;
            while (!AtEnd && (char.IsDigit(text[_pos]) || text[_pos] is '.' or 'e' or 'E' or '+' or '-')) _pos++;
            var token = text[start.._pos];
            if (long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
            throw new FormatException("bad number");
        }

        private JsonNode? ParseName()
        {
            var start = _pos;
            while (!AtEnd && char.IsLetter(text[_pos])) _pos++;
            return text[start.._pos] switch
            {
                "True" => JsonValue.Create(true),
                "False" => JsonValue.Create(false),
                "None" => null,
                _ => throw new FormatException("not a literal"),
            };
        }

        private bool Peek(char c) => !AtEnd && text[_pos] == c;

        private void Expect(char c)
        {
            if (!Peek(c)) throw new FormatException($"expected '{c}'");
            _pos++;
        }
    }
}
