using System.Text.Json;

namespace Foremast.Api.Approvals;

/// <summary>Reads named fields from a urlencoded form or a flat JSON object, whichever the request carries.</summary>
public static class FormFields
{
    public static IReadOnlyDictionary<string, string> Read(ApiRequest request)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.Body.Length == 0) return fields;
        if (request.IsForm)
        {
            foreach (var pair in request.BodyText.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                var name = Decode(eq < 0 ? pair : pair[..eq]);
                fields.TryAdd(name, eq < 0 ? "" : Decode(pair[(eq + 1)..]));
            }

            return fields;
        }

        try
        {
            using var json = JsonDocument.Parse(request.Body);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return fields;
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String) fields.TryAdd(property.Name, property.Value.GetString()!);
            }
        }
        catch (JsonException)
        {
            // Not JSON either: no fields, and the caller reports the missing decision.
        }

        return fields;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
