using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Templates;
using Foremast.Spinnaker.Generator.Jinja;
using Foremast.Spinnaker.Lookups;
using Scriban;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator;

internal sealed record ManualContext(ConfigSnapshot Snapshot, SnapshotModel Model, IEnvironmentLookups Lookups, TemplateStore Store, JsonTemplateContext Context, string? RunwayDirectory);

/// <summary>
/// Manual pipeline types (Foremast's <c>create_pipeline_manual</c>): each <c>pipeline_files[i]</c> is a pipeline JSON
/// file, a Scriban template (<c>.sbn</c>) or a Foremast Jinja template (<c>.j2</c>, translated to Scriban by
/// <see cref="JinjaTranslator"/>), giving one pipeline or an array.
/// No wrapper, no renumbering. Deliberate differences from Foremast:
/// the default name strips the exact <c>templates://</c> prefix (Foremast's <c>lstrip</c> also ate leading
/// <c>t,e,m,p,l,a,s,:,/</c> characters of the file name), and without an existing pipeline of that exact name the
/// <c>id</c> is left out rather than sent as <c>null</c>.
/// </summary>
internal static class ManualPipelines
{
    public const string TemplatesScheme = "templates://";

    public static IReadOnlyList<GeneratedPipeline> Generate(ManualContext manual)
    {
        var files = manual.Model.PipelineValue("pipeline_files") as ScriptArray ?? [];
        var variables = manual.Model.PipelineValue("template_variables") as ScriptArray;
        var result = new List<GeneratedPipeline>();
        for (var i = 0; i < files.Count; i++)
        {
            var fileName = files[i]?.ToString() ?? "";
            var text = Read(manual, fileName);
            var template = fileName.EndsWith(".sbn", StringComparison.Ordinal) ? ParseScriban(fileName, text)
                : fileName.EndsWith(".j2", StringComparison.Ordinal) ? JinjaTemplates.FromText(manual.Store, fileName, text)
                : null;
            if (template is not null)
            {
                var globals = Globals(manual, variables is not null && i < variables.Count ? variables[i] : null);
                text = Render(manual, fileName, template, globals, jinja: !fileName.EndsWith(".sbn", StringComparison.Ordinal));
            }

            var parsed = JsonNode.Parse(text) ?? throw new InvalidOperationException($"pipeline file \"{fileName}\" is JSON null");
            var pipelines = parsed is JsonArray array ? array.ToList() : [parsed];
            if (parsed is JsonArray owner) owner.Clear();
            foreach (var node in pipelines)
            {
                if (node is not JsonObject pipeline) throw new InvalidOperationException($"pipeline file \"{fileName}\" must give a pipeline object or an array of them");
                var completed = Complete(manual, pipeline, fileName);

                // Two pipelines with one name would overwrite each other in Spinnaker (and in the output directory).
                if (result.Any(r => r.Name == completed.Name))
                {
                    throw new InvalidPipelineFileException($"pipeline file \"{fileName}\": a pipeline named \"{completed.Name}\" is already given by an earlier pipeline_files entry; names must be unique");
                }

                result.Add(completed);
            }
        }

        return result;
    }

    private static Template ParseScriban(string fileName, string text)
    {
        var template = Template.Parse(text, fileName);
        if (template.HasErrors) throw new InvalidOperationException($"pipeline file \"{fileName}\" has template errors: {string.Join("; ", template.Messages)}");
        return template;
    }

    private static string Render(ManualContext manual, string fileName, Template template, ScriptObject globals, bool jinja)
    {
        // Translated Jinja calls the j2_* functions; they are visible to that render only.
        if (jinja) manual.Context.PushGlobal(JinjaRuntime.Functions);
        manual.Context.PushGlobal(globals);
        try
        {
            return template.Render(manual.Context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            throw new InvalidOperationException($"pipeline file \"{fileName}\" failed: {Innermost(e)}", e);
        }
        finally
        {
            manual.Context.PopGlobal();
            if (jinja) manual.Context.PopGlobal();
        }
    }

    /// <summary>Scriban wraps errors of functions (an include that does not translate, raise_exception); the innermost message says what happened.</summary>
    private static string Innermost(Exception e)
    {
        var message = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException) message = inner is Scriban.Syntax.ScriptRuntimeException ? inner.Message : $"{message}: {inner.Message}";
        return message;
    }

    /// <summary>Foremast's <c>normalize_pipeline_name</c>: characters unsafe in a Spinnaker pipeline name become <c>_</c>.</summary>
    public static string NormalizeName(string name)
    {
        foreach (var bad in "\\/?%#") name = name.Replace(bad, '_');
        return name;
    }

    private static GeneratedPipeline Complete(ManualContext manual, JsonObject pipeline, string fileName)
    {
        var app = manual.Snapshot.App;
        if (!pipeline.ContainsKey("application")) pipeline["application"] = app;
        var shortName = fileName.StartsWith(TemplatesScheme, StringComparison.Ordinal) ? fileName[TemplatesScheme.Length..] : fileName;
        if (!pipeline.ContainsKey("name")) pipeline["name"] = NormalizeName(shortName);
        if (pipeline["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name) || string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidPipelineFileException($"pipeline file \"{fileName}\": \"name\" must be a non-empty string, got {Foremast.Core.Json.JsonKinds.Describe(pipeline["name"])} (leave it out to use the file name)");
        }

        if (pipeline["application"] is not JsonValue appValue || !appValue.TryGetValue<string>(out _))
        {
            throw new InvalidPipelineFileException($"pipeline file \"{fileName}\": \"application\" must be a string, got {Foremast.Core.Json.JsonKinds.Describe(pipeline["application"])}");
        }

        if (!pipeline.ContainsKey("id") && manual.Lookups.ExistingPipelineId(pipeline["application"]!.ToString(), name) is { } id) pipeline["id"] = id;
        return new GeneratedPipeline(null, $"pipeline.manual.{NormalizeName(name).Replace(' ', '_')}.json", pipeline);
    }

    private static string Read(ManualContext manual, string fileName)
    {
        if (fileName.StartsWith(TemplatesScheme, StringComparison.Ordinal))
        {
            var templates = manual.Snapshot.Settings.TemplatesPath
                ?? throw new InvalidOperationException($"pipeline file \"{fileName}\" uses templates:// but no templates_path is configured");
            return File.ReadAllText(Path.Combine(templates, "pipeline", fileName[TemplatesScheme.Length..]));
        }

        var directory = manual.RunwayDirectory ?? throw new InvalidOperationException($"pipeline file \"{fileName}\" needs the runway directory");
        return File.ReadAllText(Path.Combine(directory, fileName));
    }

    /// <summary>What Foremast's manual Jinja templates see (<c>get_jinja_variables</c> + <c>get_jinja_functions</c>).</summary>
    private static ScriptObject Globals(ManualContext manual, object? templateVariables)
    {
        var snapshot = manual.Snapshot;
        var names = manual.Model.Names;
        var triggerJob = names.Name("jenkins_job_name");
        var app = new ScriptObject
        {
            ["appname"] = snapshot.App,
            ["group_name"] = names.Project,
            ["repo_name"] = names.Repo,
            ["deploy_type"] = snapshot.PipelineType,
            ["environment"] = "packaging",
            ["triggerjob"] = triggerJob,
            ["email"] = manual.Model.PipelineValue("notifications", "email"),
            ["slack"] = manual.Model.PipelineValue("notifications", "slack"),
            ["pipeline"] = manual.Model.Pipeline,
        };
        var globals = new ScriptObject
        {
            ["data"] = new ScriptObject { ["app"] = app },
            ["trigger_job"] = triggerJob,
            ["group_name"] = names.Project,
            ["app_name"] = snapshot.App,
            ["repo_name"] = names.Repo,
            ["template_variables"] = templateVariables,
        };
        var lookups = manual.Lookups;
        globals.Import("get_pipeline_id", new Func<string, string, string?>((app, name) => lookups.ExistingPipelineId(app, name)));
        globals.Import("raise_exception", new Action<string>(message => throw new InvalidOperationException(message)));
        return globals;
    }
}
