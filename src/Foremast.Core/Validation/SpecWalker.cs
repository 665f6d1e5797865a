using System.Globalization;
using System.Text.Json.Nodes;
using Foremast.Core.Json;
using Foremast.Core.Validation.Spec;

namespace Foremast.Core.Validation;

/// <summary>
/// Checks user JSON against a <see cref="SpecNode"/> tree and reports every problem with its path.
/// Stops descending into a value only when its own type is wrong, so one bad key never hides another.
/// </summary>
public sealed class SpecWalker(string file, ICollection<Diagnostic> diagnostics)
{
    public void Walk(SpecNode spec, JsonNode? value, string path)
    {
        var actual = JsonTypesExtensions.Classify(value);
        if (!spec.Types.Accepts(actual))
        {
            Error(path, $"expected {Expectation(spec)}, got {JsonKinds.Describe(value)}");
            return;
        }

        switch (actual)
        {
            case JsonTypes.String:
                CheckString(spec, value!.GetValue<string>(), value, path);
                break;
            case JsonTypes.Integer:
            case JsonTypes.Number:
                CheckNumber(spec, (JsonValue)value!, path);
                break;
            case JsonTypes.Object:
                CheckObject(spec, (JsonObject)value!, path);
                break;
            case JsonTypes.Array:
                CheckArray(spec, (JsonArray)value!, path);
                break;
        }
    }

    /// <summary>The "expected X" wording for a node: its enum, bounds, format or types.</summary>
    public static string Expectation(SpecNode spec)
    {
        if (spec.Expected is not null) return spec.Expected;
        var orNull = spec.IsNullable ? " or null" : "";
        if (spec.Enum is not null) return $"one of {string.Join(", ", spec.Enum)}{orNull}";

        var parts = new List<string>(3);
        var bounds = $"from {spec.Minimum.ToString(CultureInfo.InvariantCulture)} to {spec.Maximum.ToString(CultureInfo.InvariantCulture)}";
        if (spec.Types.HasFlag(JsonTypes.Integer))
        {
            parts.Add(spec.Format == StringFormat.Digits ? $"an integer {bounds} (a number or a string of digits)" : $"an integer {bounds}");
        }
        else if (spec.Types.HasFlag(JsonTypes.Number))
        {
            parts.Add($"a number {bounds}");
        }

        if (spec.Types.HasFlag(JsonTypes.String) && spec.Format != StringFormat.Digits)
        {
            parts.Add(spec.Format?.Expectation ?? "a string");
        }

        var rest = spec.Types & ~(JsonTypes.Integer | JsonTypes.Number | JsonTypes.String | JsonTypes.Null);
        if (rest != JsonTypes.None) parts.Add(rest.Describe());
        return string.Join(" or ", parts) + orNull;
    }

    private void CheckString(SpecNode spec, string text, JsonNode value, string path)
    {
        if (spec.Enum is not null)
        {
            var comparison = spec.EnumIgnoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            foreach (var allowed in spec.Enum)
            {
                if (string.Equals(allowed, text, comparison)) return;
            }

            Error(path, $"expected {Expectation(spec)}, got {JsonKinds.Describe(value)}");
            return;
        }

        if (spec.Format is null) return;
        if (!spec.Format.IsMatch(text))
        {
            Error(path, $"expected {(spec.Format == StringFormat.Digits ? Expectation(spec) : spec.Format.Expectation)}, got {JsonKinds.Describe(value)}");
            return;
        }

        if (spec.Format == StringFormat.Digits && (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < spec.Minimum || n > spec.Maximum))
        {
            Error(path, $"expected {Expectation(spec)}, got {JsonKinds.Describe(value)}");
        }
    }

    private void CheckNumber(SpecNode spec, JsonValue value, string path)
    {
        // Huge literals (1e400) do not fit a double at all; they are out of range like any other.
        var inRange = JsonNumbers.TryGetDouble(value, out var d) && d >= spec.Minimum && d <= spec.Maximum;
        if (!inRange) Error(path, $"expected {Expectation(spec)}, got {JsonKinds.Describe(value)}");
    }

    private void CheckObject(SpecNode spec, JsonObject obj, string path)
    {
        // A tagged object is checked against the variant its tag names; the tag key itself is already checked.
        var shape = spec;
        string? tagKey = null;
        if (spec.Variants is not null)
        {
            shape = Variant(spec, obj, path);
            if (shape is null) return;
            tagKey = spec.Discriminator;
        }

        var properties = shape.Properties;
        if (properties is null && spec.Values is null) return;

        foreach (var (key, child) in obj)
        {
            if (key == tagKey) continue;
            var childPath = JsonPaths.Child(path, key);
            if (properties is not null && properties.TryGetValue(key, out var known))
            {
                Walk(known, child, childPath);
            }
            else if (spec.Values is not null)
            {
                if (spec.KeyFormat is not null && !spec.KeyFormat.IsMatch(key))
                {
                    Error(childPath, $"expected {spec.KeyFormat.Expectation}, got key \"{key}\"");
                    continue;
                }

                Walk(spec.Values, child, childPath);
            }
            else
            {
                var knownKeys = tagKey is null ? properties!.Keys : properties!.Keys.Append(tagKey);
                diagnostics.Add(Diagnostic.Warning(file, childPath, DidYouMean.UnknownKeyMessage(key, knownKeys)));
            }
        }

        if (shape.RequiredUnlessEmpty && obj.Count == 0) return;
        foreach (var key in shape.Required)
        {
            if (!obj.ContainsKey(key)) Error(path, $"missing required key \"{key}\"");
        }
    }

    /// <summary>Picks the variant named by the discriminator key, reporting a missing or unknown one.</summary>
    private SpecNode? Variant(SpecNode spec, JsonObject obj, string path)
    {
        var key = spec.Discriminator!;
        var tags = spec.Variants!;
        if (!obj.TryGetPropertyValue(key, out var tagNode))
        {
            Error(path, $"missing required key \"{key}\" (one of {string.Join(", ", tags.Keys)})");
            return null;
        }

        if (JsonTypesExtensions.Classify(tagNode) == JsonTypes.String && tags.TryGetValue(tagNode!.GetValue<string>(), out var variant))
        {
            return variant;
        }

        Error(JsonPaths.Child(path, key), $"expected one of {string.Join(", ", tags.Keys)}, got {JsonKinds.Describe(tagNode)}");
        return null;
    }

    private void CheckArray(SpecNode spec, JsonArray array, string path)
    {
        if (spec.Items is null) return;
        for (var i = 0; i < array.Count; i++)
        {
            Walk(spec.Items, array[i], JsonPaths.Index(path, i));
        }

        if (!spec.UniqueItems) return;
        for (var i = 1; i < array.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (!JsonNode.DeepEquals(array[i], array[j])) continue;
                Error(JsonPaths.Index(path, i), $"expected a value not already listed, got duplicate {JsonKinds.Describe(array[i])} (also at [{j}])");
                break;
            }
        }
    }

    private void Error(string path, string message) => diagnostics.Add(Diagnostic.Error(file, path, message));
}
