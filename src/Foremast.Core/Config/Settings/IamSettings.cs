using System.Text.Json;
using Foremast.Core.Validation;

namespace Foremast.Core.Config.Settings;

/// <summary>
/// The <c>services</c> of <c>pipeline.json</c> (reference §4, §9.2): which statements the app's one inline role policy gets.
/// A service set to <c>true</c> (or <c>false</c>: Foremast rendered it all the same) has no items, a string one item, a list its items.
/// Lambda pipelines always get <c>lambda</c>, as in Foremast's <c>construct_policy</c>.
/// </summary>
public sealed record IamSettings(IReadOnlyList<IamService> Services)
{
    public bool WantsPolicy => Services.Count > 0;

    /// <exception cref="ConfigValidationException">A service value that is not a bool, a string or a list of strings.</exception>
    public static IamSettings From(JsonElement pipeline, string file = "pipeline.json")
    {
        var errors = new List<Diagnostic>();
        var services = new List<IamService>();
        if (pipeline.ValueKind == JsonValueKind.Object && pipeline.TryGetProperty("services", out var map) && map.ValueKind != JsonValueKind.Null)
        {
            if (map.ValueKind != JsonValueKind.Object)
            {
                errors.Add(Diagnostic.Error(file, "$.services", "expected an object mapping a service to true, a name or a list of names"));
            }
            else
            {
                foreach (var service in map.EnumerateObject())
                {
                    var items = Items(service.Value);
                    if (items is null) errors.Add(Diagnostic.Error(file, $"$.services.{service.Name}", "expected true, false, a name or a list of names"));
                    else services.Add(new IamService(service.Name, items));
                }
            }
        }

        if (errors.Count > 0) throw new ConfigValidationException(errors);
        var type = pipeline.ValueKind == JsonValueKind.Object && pipeline.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "ec2";
        if (type == "lambda")
        {
            var index = services.FindIndex(s => s.Name == "lambda");
            if (index >= 0) services[index] = new IamService("lambda", []);
            else services.Add(new IamService("lambda", []));
        }

        return new IamSettings(services);
    }

    private static List<string>? Items(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => [],
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) => value.EnumerateArray().Select(v => v.GetString()!).ToList(),
        _ => null,
    };
}
