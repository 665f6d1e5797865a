using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Json;
using Foremast.Core.Naming;
using Foremast.Core.Templates;
using Foremast.Core.Validation;
using Foremast.Core.Validation.Rules;

namespace Foremast.Core.Config;

/// <summary>Loads, validates and merges a runway directory into a <see cref="ConfigSnapshot"/> (Foremast's write_variables).</summary>
public static class RunwayLoader
{
    public const string PipelineFile = "pipeline.json";

    public static string EnvFile(string env) => $"application-master-{env}.json";

    public static LoadResult Load(LoadRequest request)
    {
        var diagnostics = new List<Diagnostic>();
        var settings = ForemastSettingsLoader.Load(request.ConfigFile, diagnostics);
        var files = RunwayFiles.ReadDirectory(request.RunwayDirectory, diagnostics);
        if (files is null) return new LoadResult(null, diagnostics);

        var source = request.Source ?? ConfigSource.Directory(Path.GetFullPath(request.RunwayDirectory), files.ContentHash());
        return Build(files, settings, request.Project, request.Repo, source, diagnostics, request.RunwayDirectory);
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
            else if (RunwayFiles.EnvName(name) is { } env) files.Envs[env] = node;
        }

        files.PipelineMissing = !texts.ContainsKey(PipelineFile);
        return Build(files, settings, project, repo, source ?? ConfigSource.Directory("(memory)", files.ContentHash()), diagnostics);
    }

    private static LoadResult Build(RunwayFiles files, ForemastSettings settings, string project, string repo, ConfigSource source, List<Diagnostic> diagnostics, string? runwayDirectory = null)
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

        // An unreadable pipeline.json has its own error; its env list is unknown, so nothing is reported against the defaults' list.
        var pipelineUnreadable = userPipeline is null;

        if (userPipeline is not null) RunwayValidator.ValidatePipeline(userPipeline, PipelineFile, settings, diagnostics);

        var store = TemplateStore.For(settings.TemplatesPath);
        var pipelineDefaults = DefaultsRenderer.Render(store, "configs/pipeline.json.sbn", names, diagnostics);
        var envDefaults = DefaultsRenderer.Render(store, "configs/configs.json.sbn", names, diagnostics);
        if (pipelineDefaults is null || envDefaults is null) return new LoadResult(null, diagnostics);

        var pipeline = JsonElements.From(DeepChainMap.Merge(userPipeline, pipelineDefaults));
        var type = pipeline.TryGetProperty("type", out var tv) && tv.ValueKind == JsonValueKind.String ? tv.GetString()! : "ec2";
        var pipelineEnvs = !pipelineUnreadable && pipeline.TryGetProperty("env", out var ev) && ev.ValueKind == JsonValueKind.Array
            ? ev.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        var typeIsKnown = settings.AllTypes.Contains(type);

        var environments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var userEnvs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var env in EnvsToLoad(settings, type, pipelineEnvs, files))
        {
            var file = EnvFile(env);
            if (!files.Envs.TryGetValue(env, out var node))
            {
                if (pipelineEnvs.Contains(env))
                {
                    var other = files.Envs.Keys.FirstOrDefault(e => string.Equals(e, env, StringComparison.OrdinalIgnoreCase));
                    var hint = other is null ? "" : $" ({EnvFile(other)} differs only in case; rename it)";
                    diagnostics.Add(Diagnostic.Error(file, "$", $"missing: pipeline.json lists env \"{env}\" but {file} does not exist{hint}"));
                }

                continue;
            }

            if (node is null) continue;
            if (node is not JsonObject userEnv)
            {
                diagnostics.Add(Diagnostic.Error(file, "$", $"expected an object, got {JsonKinds.Describe(node)}"));
                continue;
            }

            RunwayValidator.ValidateEnvironment(userEnv, file, env, settings, diagnostics, envDefaults, typeIsKnown ? type : null);
            userEnvs[env] = userEnv;
            if (diagnostics.Any(d => d.Severity == Severity.Error && d.File == file)) continue;
            environments[env] = JsonElements.Write(w => EnvironmentMerge.Write(w, userEnv, envDefaults));
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

        if (!pipelineUnreadable && typeIsKnown)
        {
            TemplateReferences.Check(userPipeline!, type, pipelineEnvs, settings, runwayDirectory, diagnostics);
            TemplatesPathFiles.Check(settings, type, pipelineEnvs, Keys(userPipeline!["services"]), TemplatesFiles(userPipeline!["pipeline_files"]), diagnostics);
            CheckPrimaryRegion(userPipeline!, pipelineEnvs, environments, diagnostics);
            var defaultBucket = pipelineEnvs.Any(e => !userEnvs.TryGetValue(e, out var u) || !NamesItsBucket(u));
            NameRules.Check(names, type, settings, defaultBucket, diagnostics);
        }

        if (diagnostics.Any(d => d.Severity == Severity.Error)) return new LoadResult(null, diagnostics);

        var snapshot = new ConfigSnapshot
        {
            App = names.App,
            Project = names.Project,
            Repo = names.Repo,
            GivenProject = names.RawProject,
            GivenRepo = names.RawRepo,
            Source = source,
            Pipeline = pipeline,
            Environments = environments,
            Settings = settings,
            Warnings = diagnostics.Where(d => d.Severity == Severity.Warning).ToList(),
        };
        return new LoadResult(snapshot, diagnostics);
    }

    /// <summary>Foremast names the generic DNS record and the un-suffixed bucket after the primary region, so every env must deploy there.</summary>
    private static void CheckPrimaryRegion(JsonObject pipeline, IReadOnlyList<string> envs, Dictionary<string, JsonElement> environments, List<Diagnostic> diagnostics)
    {
        if (pipeline["primary_region"] is not JsonValue value || !value.TryGetValue<string>(out var primary)) return;
        foreach (var env in envs)
        {
            if (!environments.TryGetValue(env, out var settings)) continue;
            var regions = RegionsOf(settings);
            if (regions.Count == 0 || regions.Contains(primary)) continue;
            diagnostics.Add(Diagnostic.Error(PipelineFile, "$.primary_region", $"expected a region env \"{env}\" deploys to ({string.Join(", ", regions)}), got string \"{primary}\""));
        }
    }

    private static List<string> RegionsOf(JsonElement env)
    {
        if (!env.TryGetProperty("regions", out var regions)) return [];
        return regions.ValueKind switch
        {
            JsonValueKind.Object => regions.EnumerateObject().Select(p => p.Name).ToList(),
            JsonValueKind.Array => regions.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList(),
            _ => [],
        };
    }

    private static IEnumerable<string> Keys(JsonNode? node) => node is JsonObject obj ? obj.Select(p => p.Key) : [];

    /// <summary>Manual pipeline files read from templates_path (<c>templates://x</c> is <c>pipeline/x</c> there).</summary>
    private static IEnumerable<string> TemplatesFiles(JsonNode? node) =>
        node is JsonArray files
            ? files.Select(f => f is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").Where(f => f.StartsWith("templates://", StringComparison.Ordinal)).Select(f => f["templates://".Length..])
            : [];

    private static bool NamesItsBucket(JsonObject env) =>
        env["s3"] is JsonObject s3 && (s3["bucket_name"] is JsonValue b && b.TryGetValue<string>(out var name) && name.Length > 0
                                       || s3["shared_bucket_master"] is JsonValue m && m.TryGetValue<bool>(out var master) && master
                                       || s3["shared_bucket_target"] is JsonValue t && t.TryGetValue<string>(out var target) && target.Length > 0);

    private static IReadOnlyList<string> EnvsToLoad(ForemastSettings settings, string type, IReadOnlyList<string> pipelineEnvs, RunwayFiles files)
    {
        var configured = settings.IsGcpType(type) ? settings.GcpEnvs : settings.Envs;
        // Without a configured env list, load what pipeline.json asks for plus any env file present.
        return configured.Count > 0 ? configured : pipelineEnvs.Concat(files.Envs.Keys.Order(StringComparer.Ordinal)).Distinct().ToList();
    }
}
