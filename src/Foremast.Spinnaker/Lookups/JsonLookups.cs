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

    public static JsonLookups Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("lookups: the document must be a JSON object");

        var lookups = new JsonLookups();
        foreach (var region in Section(root, "amis"))
        {
            lookups._amis[region.Name] = Section(region.Value, null).ToDictionary(a => a.Name, a => a.Value.GetString() ?? "", StringComparer.Ordinal);
        }

        foreach (var env in Section(root, "availability_zones"))
        {
            foreach (var region in Section(env.Value, null))
            {
                lookups._zones[(env.Name, region.Name)] = region.Value.EnumerateArray().Select(z => z.GetString() ?? "").ToList();
            }
        }

        foreach (var account in Section(root, "accounts")) lookups._accounts[account.Name] = account.Value.ToString();

        if (root.TryGetProperty("pipelines", out var pipelines) && pipelines.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in pipelines.EnumerateArray())
            {
                lookups._pipelines.Add(new ExistingPipeline(Text(p, "application"), Text(p, "name"), Text(p, "id")));
            }
        }

        return lookups;
    }

    public string? AmiId(string region, string baseName) =>
        _amis.TryGetValue(region, out var aliases) && aliases.TryGetValue(baseName, out var ami) ? ami : null;

    public IReadOnlyList<string>? AvailabilityZones(string env, string region) => _zones.GetValueOrDefault((env, region));

    public string? AccountId(string env) => _accounts.GetValueOrDefault(env);

    public IReadOnlyList<ExistingPipeline> Pipelines(string application) => _pipelines;

    private static IEnumerable<JsonProperty> Section(JsonElement element, string? name)
    {
        var section = element;
        if (name is not null && !element.TryGetProperty(name, out section)) return [];
        return section.ValueKind == JsonValueKind.Object ? section.EnumerateObject() : [];
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : "";
}
