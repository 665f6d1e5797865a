using System.Collections;
using System.Globalization;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>
/// Jinja behaviour Scriban has no builtin for, imported as <c>j2_{name}</c> functions (see <see cref="ScribanEmitter"/>).
/// Values follow Python: <c>str()</c> for printing and concatenation, Python truthiness for <c>default(x, true)</c>.
/// </summary>
internal static class JinjaRuntime
{
    /// <summary>Read-only and shared by every context that renders translated templates.</summary>
    public static ScriptObject Functions { get; } = Create();

    /// <summary><c>{{ value }}</c>: Python's <c>str()</c> (True, 1.0, ['a']); null prints nothing; JSON from tojson/include stays raw.</summary>
    public static object Print(object? value) => value is RawJson json ? json : PythonText.Str(value);

    public static string Concat(object? left, object? right) => PythonText.Str(left) + PythonText.Str(right);

    /// <summary>Jinja's <c>default</c>. Missing and null values are the same thing here (Scriban has no Undefined), so both take the default.</summary>
    public static object? Default(object? value, object? fallback = null, bool boolean = false) =>
        value is null || (boolean && !Truthy(value)) ? fallback ?? "" : value;

    public static string Upper(object? value) => PythonText.Str(value).ToUpperInvariant();

    public static string Lower(object? value) => PythonText.Str(value).ToLowerInvariant();

    public static string Trim(object? value) => PythonText.Str(value).Trim();

    public static string Replace(object? value, object? old, object? replacement, int count = -1)
    {
        var text = PythonText.Str(value);
        var from = PythonText.Str(old);
        var to = PythonText.Str(replacement);
        if (count < 0) return from.Length == 0 ? text : text.Replace(from, to, StringComparison.Ordinal);
        for (int i = 0, at = 0; i < count && from.Length > 0 && (at = text.IndexOf(from, at, StringComparison.Ordinal)) >= 0; i++, at += to.Length)
        {
            text = string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
        }

        return text;
    }

    public static int Length(object? value) => value switch
    {
        null => 0,
        string s => s.Length,
        ScriptObject obj => obj.Count,
        ICollection c => c.Count,
        IEnumerable e => e.Cast<object?>().Count(),
        _ => throw new InvalidOperationException($"object of type {PythonType(value)} has no length"),
    };

    public static string Join(object? value, object? separator = null) =>
        string.Join(PythonText.Str(separator), Iterate(value).Cast<object?>().Select(PythonText.Str));

    /// <summary>Jinja's <c>int</c>: integers and integral text, floats truncated, anything else the default (0).</summary>
    public static object? Int(object? value, object? fallback = null)
    {
        fallback ??= 0L;
        switch (value)
        {
            case bool b: return b ? 1L : 0L;
            case int or long: return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case double d: return double.IsFinite(d) ? (long)Math.Truncate(d) : fallback;
            case string s:
                s = s.Trim().Replace("_", "", StringComparison.Ordinal);
                if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f) ? (long)Math.Truncate(f) : fallback;
            default: return fallback;
        }
    }

    public static string String(object? value) => value is null ? "None" : PythonText.Str(value);

    /// <summary>Jinja's <c>safe</c>: the text is written as is, not JSON-escaped (for strings that hold JSON).</summary>
    public static RawJson Safe(object? value) => value as RawJson ?? new RawJson(PythonText.Str(value));

    /// <summary>Python's <c>in</c>: substring, dict key, or list item.</summary>
    public static bool In(object? item, object? container) => container switch
    {
        null => false,
        string s => s.Contains(PythonText.Str(item), StringComparison.Ordinal),
        ScriptObject obj => item is not null && obj.ContainsKey(PythonText.Str(item)),
        IEnumerable list => list.Cast<object?>().Any(x => Eq(x, item)),
        _ => throw new InvalidOperationException($"argument of type {PythonType(container)} is not iterable"),
    };

    /// <summary>Python's <c>==</c>: no conversion between text and numbers ('1' != 1), lists and dicts by content.</summary>
    public static bool Eq(object? left, object? right)
    {
        switch (left, right)
        {
            case (null, _) or (_, null): return left is null && right is null;
            case (string a, string b): return a == b;
            case (string, _) or (_, string): return false;
            case (ScriptObject a, ScriptObject b): return a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && Eq(p.Value, v));
            case (ScriptObject, _) or (_, ScriptObject): return false;
            case (IEnumerable a, IEnumerable b):
                var x = a.Cast<object?>().ToList();
                var y = b.Cast<object?>().ToList();
                return x.Count == y.Count && x.Zip(y).All(p => Eq(p.First, p.Second));
            default: return Same(left, right) || (IsNumeric(left) && IsNumeric(right) && Number(left) == Number(right));
        }
    }

    /// <summary>Python's <c>//</c>: rounds toward negative infinity (Scriban's truncates toward zero).</summary>
    public static object FloorDiv(object? left, object? right)
    {
        if (Integer(left, out var a) && Integer(right, out var b))
        {
            if (b == 0) throw new DivideByZeroException("integer division or modulo by zero");
            var quotient = a / b;
            return a % b != 0 && (a < 0) != (b < 0) ? quotient - 1 : quotient;
        }

        var divisor = Number(right);
        if (divisor == 0) throw new DivideByZeroException("float floor division by zero");
        return Math.Floor(Number(left) / divisor);
    }

    /// <summary>Python's <c>%</c> on numbers: the result has the divisor's sign (C#'s has the dividend's).</summary>
    public static object Mod(object? left, object? right)
    {
        if (left is string) throw new InvalidOperationException("string formatting with % is not supported; use ~ to join strings");
        if (Integer(left, out var a) && Integer(right, out var b))
        {
            if (b == 0) throw new DivideByZeroException("integer division or modulo by zero");
            var remainder = a % b;
            return remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder;
        }

        var x = Number(left);
        var y = Number(right);
        if (y == 0) throw new DivideByZeroException("float modulo");
        return x - (y * Math.Floor(x / y));
    }

    /// <summary>What <c>for x in value</c> walks: a dict's keys, a string's characters, nothing for null.</summary>
    public static ScriptArray Iter(object? value)
    {
        var array = new ScriptArray();
        foreach (var item in Iterate(value)) array.Add(item);
        return array;
    }

    /// <summary>Python's <c>range(stop)</c>, <c>range(start, stop)</c>, <c>range(start, stop, step)</c>.</summary>
    public static ScriptArray Range(object? first, object? second = null, object? third = null)
    {
        var (start, stop) = second is null ? (0L, Whole(first)) : (Whole(first), Whole(second));
        var step = third is null ? 1L : Whole(third);
        if (step == 0) throw new InvalidOperationException("range() arg 3 must not be zero");
        var result = new ScriptArray();
        for (var i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            if (result.Count >= 100_000) throw new InvalidOperationException("range() is limited to 100000 items");
            result.Add(i);
        }

        return result;
    }

    /// <summary><c>dict.items()</c>: [key, value] pairs in insertion order, for <c>{% for k, v in x.items() %}</c>.</summary>
    public static ScriptArray Items(object? value)
    {
        if (value is not ScriptObject obj) throw new InvalidOperationException($"object of type {(value is null ? "NoneType" : PythonType(value))} has no attribute 'items'");
        var result = new ScriptArray();
        foreach (var (key, item) in obj) result.Add(new ScriptArray { key, item });
        return result;
    }

    public static ScriptArray Values(object? value)
    {
        if (value is not ScriptObject obj) throw new InvalidOperationException($"object of type {(value is null ? "NoneType" : PythonType(value))} has no attribute 'values'");
        var result = new ScriptArray();
        foreach (var (_, item) in obj) result.Add(item);
        return result;
    }

    public static object? Get(object? value, object? key, object? fallback = null) =>
        value is ScriptObject obj && key is not null && obj.TryGetValue(PythonText.Str(key), out var found) ? found : fallback;

    /// <summary>The n-th item of a pair or list (tuple unpacking in for loops).</summary>
    public static object? Unpack(object? value, int index, int count)
    {
        var items = Iterate(value).Cast<object?>().ToList();
        if (items.Count != count) throw new InvalidOperationException($"cannot unpack {items.Count} values into {count} loop variables");
        return items[index];
    }

    private static long Whole(object? value) => value switch
    {
        int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => throw new InvalidOperationException($"range() needs whole numbers, got {(value is null ? "None" : PythonType(value))}"),
    };

    private static ScriptObject Create()
    {
        var functions = new ScriptObject();
        functions.Import(typeof(JinjaRuntime), member => member is System.Reflection.MethodInfo, member => "j2_" + member.Name.ToLowerInvariant());
        functions["j2_include"] = new JinjaIncludeFunction();
        functions.IsReadOnly = true;
        return functions;
    }

    private static IEnumerable Iterate(object? value) => value switch
    {
        null => Array.Empty<object>(),
        string s => s.Select(c => (object)c.ToString()),
        ScriptObject obj => obj.Keys.ToList(),
        IEnumerable e => e,
        _ => throw new InvalidOperationException($"object of type {PythonType(value)} is not iterable"),
    };

    private static bool Same(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (IsNumber(a) && IsNumber(b)) return Convert.ToDouble(a, CultureInfo.InvariantCulture) == Convert.ToDouble(b, CultureInfo.InvariantCulture);
        return a.Equals(b);
    }

    private static bool Integer(object? value, out long result)
    {
        switch (value)
        {
            case int or long:
                result = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return true;
            case bool b:
                result = b ? 1 : 0;
                return true;
            default:
                result = 0;
                return false;
        }
    }

    private static double Number(object? value) => value switch
    {
        bool b => b ? 1 : 0,
        int or long or double or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"unsupported operand type {(value is null ? "NoneType" : PythonType(value))} for // or %"),
    };

    private static bool IsNumeric(object value) => value is bool || IsNumber(value);

    private static bool IsNumber(object value) => value is int or long or double or float or decimal;

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int or long or double or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0,
        ScriptObject obj => obj.Count > 0,
        ICollection c => c.Count > 0,
        _ => true,
    };

    private static string PythonType(object value) => value switch
    {
        bool => "bool",
        int or long => "int",
        double => "float",
        _ => value.GetType().Name,
    };
}
