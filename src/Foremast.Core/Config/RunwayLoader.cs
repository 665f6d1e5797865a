using System.Collections.Concurrent;
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

    private static readonly ConcurrentDictionary<(string Templates, string Template, string App, string Profile), string> RenderedDefaults = new();

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

        var pipeline = JsonElements.From(DeepChainMap.Merge(userPipeline, pipelineDefaults));
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

            RunwayValidator.ValidateEnvironment(userEnv, file, env, settings, diagnostics, envDefaults);
            if (diagnostics.Any(d => d.Severity == Severity.Error && d.File == file)) continue;
            environments[env] = JsonElements.Write(w => WriteEnvironment(w, userEnv, envDefaults));
        }

        var loaded = EnvsToLoad(settings, type, pipelineEnvs, files);
        foreach (var env in pipelineEnvs.Where(e => !loaded.Contains(e)))
        {
            diagnostics.Add(Diagnostic.Error(PipelineFile, "$.env", $"env \"{env}\" is not one of the configured envs (base.envs: {string.Join(", ", settings.Envs)})"));
        }

        // Foremast skips such a file without a word; saying so saves a hunt for why its settings never apply.
        foreach (var env in files.Envs.Keys.Where(e => !loaded.Contains(e)).Order(StringComparer.Ordinal))
        {
            diagnostics.Add(Diagnostic.Warning(EnvFile(env), "$", $"ignored: env \"{env}\" is not one of the configured envs ({string.Join(", ", loaded)})"));
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
    public static JsonObject MergeEnvironment(JsonObject userEnv, JsonObject defaults) =>
        JsonNode.Parse(JsonElements.Write(w => WriteEnvironment(w, userEnv, defaults)).GetRawText())!.AsObject();

    /// <summary>
    /// Writes the merged env document without building it as nodes first (the load path only keeps the text).
    /// Key order follows Foremast: defaults' keys, then the user's new keys, then one key per region.
    /// </summary>
    public static void WriteEnvironment(Utf8JsonWriter writer, JsonObject userEnv, JsonObject defaults)
    {
        var userRegions = userEnv["regions"];
        var regions = Regions(userRegions ?? defaults["regions"]);

        // Foremast drops user keys named like a region before merging; copy only in that (odd) case.
        var user = userEnv;
        foreach (var (name, _) in regions)
        {
            if (!userEnv.ContainsKey(name)) continue;
            user = new JsonObject(userEnv.Where(p => !regions.ContainsKey(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
            break;
        }

        JsonObject?[] maps = [user, defaults];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        writer.WriteStartObject();
        for (var i = maps.Length - 1; i >= 0; i--)
        {
            foreach (var (key, _) in maps[i]!)
            {
                if (!seen.Add(key)) continue;
                writer.WritePropertyName(key);
                if (key == "regions" && userRegions is not null) userRegions.WriteTo(writer);
                else if (regions.TryGetValue(key, out var overrides)) DeepChainMap.WriteMerged(writer, overrides, user, defaults);
                else DeepChainMap.WriteMergedValue(writer, maps, key);
            }
        }

        foreach (var (region, overrides) in regions)
        {
            if (!seen.Add(region)) continue;
            writer.WritePropertyName(region);
            DeepChainMap.WriteMerged(writer, overrides, user, defaults);
        }

        writer.WriteEndObject();
    }

    /// <summary>Region name → its overrides (null in list form), in file order.</summary>
    private static OrderedDictionary<string, JsonObject?> Regions(JsonNode? regions)
    {
        var result = new OrderedDictionary<string, JsonObject?>(StringComparer.Ordinal);
        switch (regions)
        {
            case JsonObject o:
                foreach (var (name, overrides) in o) result[name] = overrides as JsonObject;
                break;
            case JsonArray a:
                foreach (var r in a) result.TryAdd(r?.ToString() ?? "", null);
                break;
        }

        return result;
    }

    private static IReadOnlyList<string> EnvsToLoad(ForemastSettings settings, string type, IReadOnlyList<string> pipelineEnvs, RunwayFiles files)
    {
        var configured = settings.IsGcpType(type) ? settings.GcpEnvs : settings.Envs;
        // Without a configured env list, load what pipeline.json asks for plus any env file present.
        return configured.Count > 0 ? configured : pipelineEnvs.Concat(files.Envs.Keys.Order(StringComparer.Ordinal)).Distinct().ToList();
    }

    private static JsonObject? RenderDefaults(TemplateStore store, string template, NameGenerator names, List<Diagnostic> diagnostics)
    {
        try
        {
            var profile = names.Name("iam_profile");

            // Rendering is the costliest step of a load and its result depends only on these four values.
            var key = (store.ExternalDirectory ?? "", template, names.App, profile);
            if (!RenderedDefaults.TryGetValue(key, out var text))
            {
                if (RenderedDefaults.Count > 1024) RenderedDefaults.Clear();
                text = store.Render(template, new { app = names.App, profile });
                RenderedDefaults[key] = text;
            }

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
