using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Json;
using Foremast.Core.Naming;
using Foremast.Core.Templates;
using Foremast.Core.Validation;

namespace Foremast.Core.Config;

/// <param name="RunwayDirectory">Directory holding <c>pipeline.json</c> and <c>application-master-{env}.json</c>.</param>
/// <param name="ConfigFile">The global Foremast config JSON, or null for Foremast's built-in defaults.</param>
/// <param name="Source">Overrides the recorded source (for example a git commit); defaults to the directory.</param>
public sealed record LoadRequest(string RunwayDirectory, string? ConfigFile, string Project, string Repo, ConfigSource? Source = null);

public sealed record LoadResult(ConfigSnapshot? Snapshot, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsValid => Snapshot is not null && Diagnostics.All(d => d.Severity != Severity.Error);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);

    public ConfigSnapshot SnapshotOrThrow() => IsValid ? Snapshot! : throw new ConfigValidationException(Diagnostics);
}

/// <summary>Loads, validates and merges a runway directory into a <see cref="ConfigSnapshot"/> (Foremast's write_variables).</summary>
public static class RunwayLoader
{
    public const string PipelineFile = "pipeline.json";

    public static string EnvFile(string env) => $"application-master-{env}.json";

    public static LoadResult Load(LoadRequest request)
    {
        var diagnostics = new List<Diagnostic>();
        var settings = ForemastSettingsLoader.Load(request.ConfigFile, diagnostics);
        var files = ReadFiles(request.RunwayDirectory, settings, diagnostics);
        if (files is null) return new LoadResult(null, diagnostics);

        var source = request.Source ?? ConfigSource.Directory(Path.GetFullPath(request.RunwayDirectory), Hash(files));
        return Build(files, settings, request.Project, request.Repo, source, diagnostics);
    }

    /// <summary>Builds a snapshot from already-read file texts (file name → JSON text); used for git sources and tests.</summary>
    public static LoadResult FromTexts(IReadOnlyDictionary<string, string> texts, ForemastSettings settings, string project, string repo, ConfigSource? source = null)
    {
        var diagnostics = new List<Diagnostic>();
        var files = new RunwayFiles();
        foreach (var (name, text) in texts)
        {
            var node = JsonFileReader.Parse(text, name, diagnostics);
            files.Texts[name] = text;
            if (name == PipelineFile) files.Pipeline = node;
            else if (EnvName(name) is { } env) files.Envs[env] = node;
        }

        files.PipelineMissing = !texts.ContainsKey(PipelineFile);
        return Build(files, settings, project, repo, source ?? ConfigSource.Directory("(memory)", Hash(files)), diagnostics);
    }

    private static LoadResult Build(RunwayFiles files, ForemastSettings settings, string project, string repo, ConfigSource source, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(project) || string.IsNullOrWhiteSpace(repo))
        {
            diagnostics.Add(Diagnostic.Error("(arguments)", "$", "project and repo are required (set --project/--repo or PROJECT/GIT_REPO)"));
            return new LoadResult(null, diagnostics);
        }

        NameGenerator names;
        try
        {
            names = new NameGenerator(project, repo, settings.Formats);
            _ = names.Name("iam_profile");
        }
        catch (FormatException e)
        {
            diagnostics.Add(Diagnostic.Error("foremast config", "$.formats", e.Message));
            return new LoadResult(null, diagnostics);
        }

        // Foremast falls back to {"env": ["stage", "prod"]} when pipeline.json is missing.
        var userPipeline = files.PipelineMissing ? new JsonObject { ["env"] = new JsonArray("stage", "prod") } : files.Pipeline as JsonObject;
        if (!files.PipelineMissing && files.Pipeline is not null and not JsonObject)
        {
            diagnostics.Add(Diagnostic.Error(PipelineFile, "$", $"expected an object, got {JsonKinds.Describe(files.Pipeline)}"));
        }

        if (userPipeline is not null) RunwayValidator.ValidatePipeline(userPipeline, PipelineFile, settings, diagnostics);

        var store = TemplateStore.For(settings.TemplatesPath);
        var pipelineDefaults = RenderDefaults(store, "configs/pipeline.json.sbn", names, diagnostics);
        var envDefaults = RenderDefaults(store, "configs/configs.json.sbn", names, diagnostics);
        if (pipelineDefaults is null || envDefaults is null) return new LoadResult(null, diagnostics);

        var pipeline = MergeToElement([new DeepChainMapWriter.Map(userPipeline), new DeepChainMapWriter.Map(pipelineDefaults)]);
        var type = pipeline.TryGetProperty("type", out var tv) && tv.ValueKind == JsonValueKind.String ? tv.GetString()! : "ec2";
        var pipelineEnvs = pipeline.TryGetProperty("env", out var ev) && ev.ValueKind == JsonValueKind.Array
            ? ev.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

        var environments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var env in EnvsToLoad(settings, type, pipelineEnvs, files))
        {
            var file = EnvFile(env);
            if (!files.Envs.TryGetValue(env, out var node))
            {
                if (pipelineEnvs.Contains(env))
                {
                    diagnostics.Add(Diagnostic.Error(file, "$", $"missing: pipeline.json lists env \"{env}\" but {file} does not exist"));
                }

                continue;
            }

            if (node is null) continue;
            if (node is not JsonObject userEnv)
            {
                diagnostics.Add(Diagnostic.Error(file, "$", $"expected an object, got {JsonKinds.Describe(node)}"));
                continue;
            }

            RunwayValidator.ValidateEnvironment(userEnv, file, env, settings, diagnostics);
            if (diagnostics.Any(d => d.Severity == Severity.Error && d.File == file)) continue;
            environments[env] = MergeEnvironmentToElement(userEnv, envDefaults);
        }

        foreach (var env in pipelineEnvs.Where(e => !EnvsToLoad(settings, type, pipelineEnvs, files).Contains(e)))
        {
            diagnostics.Add(Diagnostic.Error(PipelineFile, "$.env", $"env \"{env}\" is not one of the configured envs (base.envs: {string.Join(", ", settings.Envs)})"));
        }

        if (diagnostics.Any(d => d.Severity == Severity.Error)) return new LoadResult(null, diagnostics);

        var snapshot = new ConfigSnapshot
        {
            App = names.App,
            Project = names.Project,
            Repo = names.Repo,
            Source = source,
            Pipeline = pipeline,
            Environments = environments,
            Settings = settings,
            Warnings = diagnostics.Where(d => d.Severity == Severity.Warning).ToList(),
        };
        RunwayValidator.ValidateSnapshot(snapshot, diagnostics);
        return new LoadResult(diagnostics.Any(d => d.Severity == Severity.Error) ? null : snapshot with { Warnings = diagnostics.Where(d => d.Severity == Severity.Warning).ToList() }, diagnostics);
    }

    /// <summary>Env document = user over defaults; each region = region overrides over user over defaults.</summary>
    public static JsonObject MergeEnvironment(JsonObject userEnv, JsonObject defaults)
    {
        var regionsNode = userEnv["regions"];
        var regionNames = regionsNode switch
        {
            JsonObject o => o.Select(p => p.Key).ToList(),
            JsonArray a => a.Select(r => r?.ToString() ?? "").ToList(),
            _ => [],
        };
        var userWithoutRegionKeys = new JsonObject(userEnv.Where(p => !regionNames.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var merged = DeepChainMap.Merge(userWithoutRegionKeys, defaults);
        if (regionsNode is not null) merged["regions"] = regionsNode.DeepClone();
        var effectiveRegions = merged["regions"] switch
        {
            JsonObject o => o.Select(p => (p.Key, Overrides: p.Value as JsonObject)).ToList(),
            JsonArray a => a.Select(r => (r?.ToString() ?? "", Overrides: (JsonObject?)null)).ToList(),
            _ => [],
        };
        foreach (var (region, overrides) in effectiveRegions)
        {
            merged[region] = DeepChainMap.Merge(overrides, userWithoutRegionKeys, defaults);
        }

        return merged;
    }

    /// <summary>
    /// <see cref="MergeEnvironment"/> written straight to a <see cref="JsonElement"/> (same keys, order and values),
    /// without cloning the defaults once per env and region.
    /// </summary>
    public static JsonElement MergeEnvironmentToElement(JsonObject userEnv, JsonObject defaults)
    {
        var regionsNode = userEnv["regions"];
        var regionNames = regionsNode switch
        {
            JsonObject o => o.Select(p => p.Key).ToHashSet(StringComparer.Ordinal),
            JsonArray a => a.Select(r => r?.ToString() ?? "").ToHashSet(StringComparer.Ordinal),
            _ => [],
        };
        var user = new DeepChainMapWriter.Map(userEnv, regionNames);
        var env = new[] { user, new DeepChainMapWriter.Map(defaults) };

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var keys = DeepChainMapWriter.Keys(env);
            foreach (var key in keys)
            {
                writer.WritePropertyName(key);
                if (key == "regions" && regionsNode is not null) regionsNode.WriteTo(writer);
                else DeepChainMapWriter.WriteValue(writer, env, key);
            }

            if (regionsNode is not null && !keys.Contains("regions"))
            {
                writer.WritePropertyName("regions");
                regionsNode.WriteTo(writer);
            }

            // As in MergeEnvironment: the user's "regions" wins when the key is there at all (even as null).
            var effective = userEnv.ContainsKey("regions") ? regionsNode : defaults["regions"];
            var regions = effective switch
            {
                JsonObject o => o.Select(p => (p.Key, Overrides: p.Value as JsonObject)).ToList(),
                JsonArray a => a.Select(r => (r?.ToString() ?? "", Overrides: (JsonObject?)null)).ToList(),
                _ => [],
            };
            foreach (var (region, overrides) in regions)
            {
                writer.WritePropertyName(region);
                DeepChainMapWriter.WriteObject(writer, [new DeepChainMapWriter.Map(overrides), user, new DeepChainMapWriter.Map(defaults)]);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary><see cref="DeepChainMap.Merge"/> of the given mappings, written straight to a <see cref="JsonElement"/>.</summary>
    private static JsonElement MergeToElement(DeepChainMapWriter.Map[] maps)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4 * 1024);
        using (var writer = new Utf8JsonWriter(buffer)) DeepChainMapWriter.WriteObject(writer, maps);
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static IReadOnlyList<string> EnvsToLoad(ForemastSettings settings, string type, IReadOnlyList<string> pipelineEnvs, RunwayFiles files)
    {
        var configured = settings.IsGcpType(type) ? settings.GcpEnvs : settings.Envs;
        // Without a configured env list, load what pipeline.json asks for plus any env file present.
        return configured.Count > 0 ? configured : pipelineEnvs.Concat(files.Envs.Keys.Order(StringComparer.Ordinal)).Distinct().ToList();
    }

    // The defaults depend only on the template and the two names, so each app's defaults are rendered once per
    // store (process), like the templates are compiled once; every load still parses and merges its own copy.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(TemplateStore Store, string Template, string App, string Profile), string> RenderedDefaults = new();

    private static JsonObject? RenderDefaults(TemplateStore store, string template, NameGenerator names, List<Diagnostic> diagnostics)
    {
        try
        {
            var key = (store, template, names.App, names.Name("iam_profile"));
            var text = RenderedDefaults.GetOrAdd(key, k => k.Store.Render(k.Template, new { app = k.App, profile = k.Profile }));
            return JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (Exception e) when (e is JsonException or TemplateNotFoundException or InvalidOperationException)
        {
            diagnostics.Add(Diagnostic.Error(store.Exists(template) ? store.LocationOf(template) : template, "$", $"defaults template {template} is unusable: {e.Message}"));
            return null;
        }
    }

    private static RunwayFiles? ReadFiles(string directory, ForemastSettings settings, List<Diagnostic> diagnostics)
    {
        if (!Directory.Exists(directory))
        {
            diagnostics.Add(Diagnostic.Error(directory, "$", "runway directory not found"));
            return null;
        }

        var files = new RunwayFiles();
        var pipelinePath = Path.Combine(directory, PipelineFile);
        files.PipelineMissing = !File.Exists(pipelinePath);
        if (!files.PipelineMissing)
        {
            files.Texts[PipelineFile] = File.ReadAllText(pipelinePath);
            files.Pipeline = JsonFileReader.Parse(files.Texts[PipelineFile], PipelineFile, diagnostics);
        }

        foreach (var path in Directory.EnumerateFiles(directory, "application-master-*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            files.Texts[name] = File.ReadAllText(path);
            files.Envs[EnvName(name)!] = JsonFileReader.Parse(files.Texts[name], name, diagnostics);
        }

        return files;
    }

    private static string? EnvName(string fileName) =>
        fileName.StartsWith("application-master-", StringComparison.Ordinal) && fileName.EndsWith(".json", StringComparison.Ordinal)
            ? fileName["application-master-".Length..^".json".Length]
            : null;

    private static string Hash(RunwayFiles files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, text) in files.Texts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n" + text + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private sealed class RunwayFiles
    {
        public JsonNode? Pipeline { get; set; }

        public bool PipelineMissing { get; set; }

        public Dictionary<string, JsonNode?> Envs { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);
    }
}
