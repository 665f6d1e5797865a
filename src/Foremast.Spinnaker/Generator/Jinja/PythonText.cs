using System.Collections;
using System.Globalization;
using System.Text;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>Python's <c>str()</c> and <c>repr()</c> for JSON-like values: what Jinja prints for <c>{{ value }}</c>, <c>~</c>, <c>| string</c>.</summary>
internal static class PythonText
{
    public static string Str(object? value) => value switch
    {
        null => "",
        string s => s,
        RawJson json => json.Text,
        ScriptObject or IEnumerable => Repr(value),
        _ => Scalar(value),
    };

    public static string Repr(object? value)
    {
        var builder = new StringBuilder();
        WriteRepr(builder, value);
        return builder.ToString();
    }

    private static string Scalar(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        double d => Float(d),
        float f => Float(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Python prints integral floats with ".0" and exponents in lower case.</summary>
    private static string Float(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        var text = d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static void WriteRepr(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case string s:
                var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
                builder.Append(quote);
                foreach (var c in s)
                {
                    if (c == '\\' || c == quote) builder.Append('\\').Append(c);
                    else if (c == '\n') builder.Append("\\n");
                    else if (c == '\t') builder.Append("\\t");
                    else builder.Append(c);
                }

                builder.Append(quote);
                break;
            case ScriptObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in obj)
                {
                    if (!first) builder.Append(", ");
                    first = false;
                    WriteRepr(builder, key);
                    builder.Append(": ");
                    WriteRepr(builder, item);
                }

                builder.Append('}');
                break;
            case RawJson json:
                builder.Append(json.Text);
                break;
            case IEnumerable list:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem) builder.Append(", ");
                    firstItem = false;
                    WriteRepr(builder, item);
                }

                builder.Append(']');
                break;
            default:
                builder.Append(Scalar(value));
                break;
        }
    }
}
