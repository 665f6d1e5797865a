using System.Text;
using System.Text.Json.Nodes;
using Foremast.Core.Validation;

namespace Foremast.Core.Config;

/// <summary>
/// Reads Foremast's INI <c>foremast.cfg</c> files as Python's <c>ConfigParser.read</c> does: every file in order,
/// merged key by key with later files winning; keys lower-cased; <c>key = value</c> or <c>key: value</c>; indented
/// lines continue a value; <c>#</c> and <c>;</c> start comments; <c>[DEFAULT]</c> keys are available to interpolation;
/// <c>%(key)s</c> and <c>%%</c> interpolate. Values stay strings, as Foremast's <c>consts.py</c> then converts them.
/// </summary>
public static class IniConfigReader
{
    private const string DefaultSection = "DEFAULT";

    public static JsonObject Read(IEnumerable<string> paths, ICollection<Diagnostic> diagnostics)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var path in paths) ReadInto(path, sections, diagnostics);

        var defaults = sections.GetValueOrDefault(DefaultSection) ?? [];
        var root = new JsonObject();
        foreach (var (name, keys) in sections)
        {
            if (name == DefaultSection) continue;
            var scope = new Dictionary<string, string>(defaults, StringComparer.Ordinal);
            foreach (var (key, value) in keys) scope[key] = value;

            // [DEFAULT] keys serve interpolation only: copied into every section they would read as unknown keys there.
            var section = new JsonObject();
            foreach (var (key, value) in keys) section[key] = Interpolate(value, scope, 0);
            root[name] = section;
        }

        return root;
    }

    private static void ReadInto(string path, Dictionary<string, Dictionary<string, string>> sections, ICollection<Diagnostic> diagnostics)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(path, "$", $"cannot read file ({e.Message})"));
            return;
        }

        Dictionary<string, string>? current = null;
        string? lastKey = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            // An indented line continues the previous value (multi-line values such as JSON for task_timeouts.envs).
            if (char.IsWhiteSpace(raw[0]) && current is not null && lastKey is not null)
            {
                current[lastKey] = current[lastKey] + "\n" + line;
                continue;
            }

            if (line[0] == '[')
            {
                if (!line.EndsWith(']'))
                {
                    diagnostics.Add(Diagnostic.Error(path, $"{i + 1}:1", $"invalid INI: section header \"{line}\" does not end with ]"));
                    current = null;
                    continue;
                }

                var name = line[1..^1].Trim();
                if (!sections.TryGetValue(name, out current)) sections[name] = current = new Dictionary<string, string>(StringComparer.Ordinal);
                lastKey = null;
                continue;
            }

            var separator = line.IndexOfAny(['=', ':']);
            if (current is null || separator <= 0)
            {
                diagnostics.Add(Diagnostic.Error(path, $"{i + 1}:1", current is null
                    ? $"invalid INI: \"{line}\" comes before any [section]"
                    : $"invalid INI: expected key = value, got \"{line}\""));
                continue;
            }

            lastKey = line[..separator].Trim().ToLowerInvariant();
            current[lastKey] = line[(separator + 1)..].Trim();
        }
    }

    /// <summary>ConfigParser's BasicInterpolation: <c>%(key)s</c> from the same section (or DEFAULT), <c>%%</c> for a percent sign.</summary>
    private static string Interpolate(string value, Dictionary<string, string> section, int depth)
    {
        if (depth > 10 || !value.Contains('%')) return value;
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '%' || i + 1 >= value.Length)
            {
                builder.Append(value[i]);
                continue;
            }

            if (value[i + 1] == '%')
            {
                builder.Append('%');
                i++;
                continue;
            }

            var close = value.IndexOf(")s", i, StringComparison.Ordinal);
            if (value[i + 1] == '(' && close > 0 && section.TryGetValue(value[(i + 2)..close].ToLowerInvariant(), out var referenced))
            {
                builder.Append(Interpolate(referenced, section, depth + 1));
                i = close + 1;
                continue;
            }

            builder.Append(value[i]);
        }

        return builder.ToString();
    }
}
