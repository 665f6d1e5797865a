using System.Text.RegularExpressions;
using Foremast.Core.Config;
using Foremast.Core.Plan;
using Foremast.Core.Templates;

namespace Foremast.Core.Validation.Rules;

/// <summary>
/// Every template file in templates_path must stand for something: a built-in template it overrides, a block
/// template of a configured env or type, or a file another template includes. A misspelt override is otherwise
/// silently ignored, so it is a warning; Foremast's own templates that this engine does not use get a note.
/// </summary>
internal static partial class TemplatesPathFiles
{
    /// <summary>Foremast's shipped templates (reference §10) with no counterpart here: infrastructure goes through the engine's activities.</summary>
    private static readonly HashSet<string> ForemastOnly = new(StringComparer.Ordinal)
    {
        "configs/foremast.cfg.example", "configs/config.py.example",
        "infrastructure/elb_data.json.j2", "infrastructure/securitygroup_data.json.j2", "infrastructure/dns_upsert.json.j2",
        "infrastructure/dns_failover_upsert.json.j2", "infrastructure/scheduled_actions.json.j2", "infrastructure/autoscaling_policy.json.j2",
        "infrastructure/autoscaling_custom_stepscaling_policy.json.j2", "infrastructure/autoscaling_custom_targettracking_policy.json.j2",
        "infrastructure/iam_role_policy.json.j2", "infrastructure/lambda/s3_event.json.j2",
        "destroy/destroy_dns.json.j2", "destroy/destroy_elb.json.j2", "destroy/destroy_sg.json.j2", "slack/pipeline-prepare-ran.j2",
    };

    public static void Check(ForemastSettings settings, string type, IReadOnlyList<string> pipelineEnvs, IEnumerable<string> services, IEnumerable<string> pipelineFiles, ICollection<Diagnostic> diagnostics)
    {
        if (settings.TemplatesPath is not { } root) return;
        if (!Directory.Exists(root))
        {
            diagnostics.Add(Diagnostic.Error(root, "$", "templates_path directory not found (base.templates_path)"));
            return;
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f.EndsWith(TemplateStore.JinjaExtension, StringComparison.Ordinal) || f.EndsWith(".sbn", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0) return;

        var used = new HashSet<string>(TemplateStore.BuiltInTemplateNames, StringComparer.Ordinal);
        // The optional certificate naming hook of the load balancer step (no built-in: used only when present).
        used.Add("infrastructure/iam/tlscert_naming.json.sbn");
        var envs = settings.Envs.Concat(settings.GcpEnvs).Concat(pipelineEnvs).Distinct().ToList();
        foreach (var t in settings.AllTypes.Append(type))
        {
            foreach (var env in envs.Append("stage").Append("prod")) used.Add(StagePlanner.EnvTemplate(env, t));
            used.Add($"infrastructure/iam/trust/{t}_role.json.sbn");
        }

        foreach (var service in services) used.Add($"infrastructure/iam/{service}.json.sbn");
        foreach (var file in pipelineFiles) used.Add(TemplateStore.BuiltInName("pipeline/" + file));

        // What any template includes, built-in or the user's own (a stage file only its own block template names).
        used.UnionWith(BuiltInIncludes.Value);
        foreach (var name in files)
        {
            foreach (Match m in Include().Matches(File.ReadAllText(Path.Combine(root, name)))) used.Add(TemplateStore.BuiltInName(m.Groups[1].Value));
        }

        foreach (var file in files)
        {
            if (used.Contains(TemplateStore.BuiltInName(file))) continue;
            var path = Path.Combine(root, file);
            if (ForemastOnly.Contains(file))
            {
                diagnostics.Add(Diagnostic.Note(path, "$", "a Foremast template this engine does not use (it creates that infrastructure itself); the file is ignored"));
                continue;
            }

            var extension = file.EndsWith(TemplateStore.JinjaExtension, StringComparison.Ordinal) ? TemplateStore.JinjaExtension : ".sbn";
            var candidates = TemplateStore.BuiltInTemplateNames.Where(n => n.EndsWith(".sbn", StringComparison.Ordinal)).Select(n => n[..^4] + extension);
            var suggestion = DidYouMean.Suggest(file, candidates);
            diagnostics.Add(Diagnostic.Warning(path, "$", $"matches no template and no include, so it is never used{(suggestion is null ? "" : $"; did you mean \"{suggestion}\"?")}"));
        }
    }

    /// <summary>What the built-in templates include, read once per process.</summary>
    private static readonly Lazy<HashSet<string>> BuiltInIncludes = new(() => TemplateStore.BuiltInTemplateNames
        .SelectMany(name => Include().Matches(TemplateStore.BuiltInText(name)).Select(m => TemplateStore.BuiltInName(m.Groups[1].Value)))
        .ToHashSet(StringComparer.Ordinal));

    [GeneratedRegex("""include\s*\(?\s*["']([^"']+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex Include();
}
