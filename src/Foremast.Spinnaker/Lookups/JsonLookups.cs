using System.Text.Json;

namespace Foremast.Spinnaker.Lookups;

/// <summary>
/// Lookups read from a JSON document (the CLI's <c>--lookups FILE</c>, and the conformance scenarios' <c>lookups.json</c>):
/// <c>{"amis": {region: {alias: ami}}, "availability_zones": {env: {region: [az]}}, "accounts": {env: id},
/// "pipelines": [{"application", "name", "id"}]}</c>. Every section is optional.
/// </summary>
public sealed class JsonLookups : IEnvironmentLookups
{
    private readonly Dictionary<string, Dictionary<string, string>> _amis = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Env, string Region), IReadOnlyList<string>> _zones = [];
    private readonly Dictionary<string, string> _accounts = new(StringComparer.Ordinal);
    private readonly List<ExistingPipeline> _pipelines = [];

    public static JsonLookups Empty { get; } = new();

    private JsonLookups()
    {
    }

    public static JsonLookups FromFile(string path) => Parse(File.ReadAllText(path));

    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="FormatException">The JSON has the wrong shape; the message names the JSON path.</exception>
    public static JsonLookups Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw Shape("$", "an object {amis, availability_zones, accounts, pipelines}", root);

        var lookups = new JsonLookups();
        foreach (var region in Section(root, "amis", "$.amis"))
        {
            lookups._amis[region.Name] = Section(region.Value, null, $"$.amis.{region.Name}")
                .ToDictionary(a => a.Name, a => Str(a.Value, $"$.amis.{region.Name}.{a.Name}", "an AMI id"), StringComparer.Ordinal);
        }

        foreach (var env in Section(root, "availability_zones", "$.availability_zones"))
        {
            foreach (var region in Section(env.Value, null, $"$.availability_zones.{env.Name}"))
            {
                var at = $"$.availability_zones.{env.Name}.{region.Name}";
                if (region.Value.ValueKind != JsonValueKind.Array) throw Shape(at, "an array of zone names", region.Value);
                lookups._zones[(env.Name, region.Name)] = region.Value.EnumerateArray().Select((z, i) => Str(z, $"{at}[{i}]", "a zone name")).ToList();
            }
        }

        foreach (var account in Section(root, "accounts", "$.accounts")) lookups._accounts[account.Name] = account.Value.ToString();

        if (root.TryGetProperty("pipelines", out var pipelines))
        {
            if (pipelines.ValueKind != JsonValueKind.Array) throw Shape("$.pipelines", "an array of {application, name, id}", pipelines);
            var i = 0;
            foreach (var p in pipelines.EnumerateArray())
            {
                if (p.ValueKind != JsonValueKind.Object) throw Shape($"$.pipelines[{i}]", "an object {application, name, id}", p);
                lookups._pipelines.Add(new ExistingPipeline(Text(p, "application"), Text(p, "name"), Text(p, "id")));
                i++;
            }
        }

        return lookups;
    }

    public string? AmiId(string region, string baseName) =>
        _amis.TryGetValue(region, out var aliases) && aliases.TryGetValue(baseName, out var ami) ? ami : null;

    public IReadOnlyList<string>? AvailabilityZones(string env, string region) => _zones.GetValueOrDefault((env, region));

    public string? AccountId(string env) => _accounts.GetValueOrDefault(env);

    public IReadOnlyList<ExistingPipeline> Pipelines(string application) => _pipelines;

    private static IEnumerable<JsonProperty> Section(JsonElement element, string? name, string path)
    {
        var section = element;
        if (name is not null && !element.TryGetProperty(name, out section)) return [];
        if (section.ValueKind != JsonValueKind.Object) throw Shape(path, "an object", section);
        return section.EnumerateObject().ToList();
    }

    private static string Str(JsonElement element, string path, string what) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Shape(path, what + " (a string)", element);

    private static FormatException Shape(string path, string expected, JsonElement got) =>
        new($"{path}: expected {expected}, got {(got.ValueKind switch { JsonValueKind.Object => "an object", JsonValueKind.Array => "an array", JsonValueKind.String => $"string \"{got.GetString()}\"", JsonValueKind.Number => $"number {got.GetRawText()}", _ => got.GetRawText() })}");

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : "";
}
