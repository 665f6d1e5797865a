using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foremast.Core.Json;

/// <summary>
/// Reads numbers from values that came from parsed text or from code (<c>JsonValue.Create(5)</c>): the latter only
/// answer <c>TryGetValue</c> for their own CLR type, so the JSON text is the common ground.
/// </summary>
public static class JsonNumbers
{
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return false;
        return v.TryGetValue(out value) || long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>False for literals beyond a double (1e400), which parse as infinity.</summary>
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return false;
        if (!v.TryGetValue(out value) && !double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        return double.IsFinite(value);
    }
}
