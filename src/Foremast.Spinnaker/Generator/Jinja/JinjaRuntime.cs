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
        IEnumerable list => list.Cast<object?>().Any(x => Same(x, item)),
        _ => throw new InvalidOperationException($"argument of type {PythonType(container)} is not iterable"),
    };

    /// <summary>What <c>for x in value</c> walks: a dict's keys, a string's characters, nothing for null.</summary>
    public static ScriptArray Iter(object? value)
    {
        var array = new ScriptArray();
        foreach (var item in Iterate(value)) array.Add(item);
        return array;
    }

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
