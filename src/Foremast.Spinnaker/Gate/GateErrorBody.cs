using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foremast.Spinnaker.Gate;

/// <summary>Pulls the human explanation out of a Gate error body (Spring's <c>{status,error,message}</c> shape).</summary>
internal static class GateErrorBody
{
    private const int MaxRawLength = 500;

    public static string? Message(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject obj)
            {
                // "message" is the specific reason; "error" is often only the status phrase ("Bad Request").
                foreach (var key in new[] { "message", "error" })
                {
                    if (obj[key] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)) return s;
                }

                if (obj["errors"] is JsonArray { Count: > 0 } errors) return string.Join("; ", errors.Select(e => e?.ToString()));
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy, say): fall back to the raw text.
        }

        var raw = body.Trim();
        return raw.Length <= MaxRawLength ? raw : raw[..MaxRawLength] + "…";
    }
}
