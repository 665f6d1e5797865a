using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Plan;
using Foremast.Core.Templates;

namespace Foremast.Core.Validation.Rules;

/// <summary>
/// Resolves, at validate time, every template and pipeline file generate will open: the per-env block template
/// (pipeline_{env} for prod* envs, a custom type's own files) and manual <c>pipeline_files</c>.
/// </summary>
internal static class TemplateReferences
{
    public static void Check(JsonObject pipeline, string type, IReadOnlyList<string> envs, ForemastSettings settings, string? runwayDirectory, ICollection<Diagnostic> diagnostics)
    {
        var store = TemplateStore.For(settings.TemplatesPath);
        if (settings.IsManualType(type))
        {
            CheckPipelineFiles(pipeline, settings, runwayDirectory, diagnostics);
            return;
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < envs.Count; i++)
        {
            var name = StagePlanner.EnvTemplate(envs[i], type);
            if (store.Exists(name) || !reported.Add(name)) continue;
            var why = StagePlanner.IsProdLike(envs[i])
                ? $"env \"{envs[i]}\" starts with \"prod\", so its stages come from pipeline_{envs[i]}"
                : $"type \"{type}\" needs its own stage templates";
            diagnostics.Add(Diagnostic.Error(RunwayLoader.PipelineFile, JsonPaths.Index("$.env", i), $"{new TemplateNotFoundException(name, Searched(store, name)).Message} ({why}; add it to templates_path)"));
        }
    }

    private static IReadOnlyList<string> Searched(TemplateStore store, string name) =>
        store.ExternalDirectory is null ? [TemplateStore.BuiltInLocation] : [Path.Combine(store.ExternalDirectory, name), TemplateStore.BuiltInLocation];

    private static void CheckPipelineFiles(JsonObject pipeline, ForemastSettings settings, string? runwayDirectory, ICollection<Diagnostic> diagnostics)
    {
        if (pipeline["pipeline_files"] is not JsonArray files) return;
        for (var i = 0; i < files.Count; i++)
        {
            if (Layers.Text(files[i]) is not { } file) continue;
            var at = JsonPaths.Index("$.pipeline_files", i);
            string path;
            if (file.StartsWith("templates://", StringComparison.Ordinal))
            {
                if (settings.TemplatesPath is null)
                {
                    diagnostics.Add(Diagnostic.Error(RunwayLoader.PipelineFile, at, $"\"{file}\" reads from templates_path, but the Foremast config sets no base.templates_path"));
                    continue;
                }

                path = Path.Combine(settings.TemplatesPath, "pipeline", file["templates://".Length..]);
            }
            else if (runwayDirectory is not null)
            {
                path = Path.Combine(runwayDirectory, file);
            }
            else
            {
                continue; // a git source is checked when generate reads it
            }

            if (Directory.Exists(path)) diagnostics.Add(Diagnostic.Error(RunwayLoader.PipelineFile, at, $"expected a pipeline file, got the directory {path}"));
            else if (!File.Exists(path)) diagnostics.Add(Diagnostic.Error(RunwayLoader.PipelineFile, at, $"pipeline file not found: {path}"));
        }
    }
}
