using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Foremast.Core.Templates;
using Scriban;

namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>
/// Translated and compiled Jinja templates, once per file per store like <see cref="TemplateStore.Get"/>. Store
/// templates (includes) are keyed by name; pipeline files from a runway directory by name and text, so an edited
/// file is translated again rather than served stale.
/// </summary>
internal static class JinjaTemplates
{
    private const int MaxFiles = 512;

    private static readonly ConditionalWeakTable<TemplateStore, ConcurrentDictionary<string, Template>> Caches = new();

    /// <summary>A pipeline file's text (runway directory or <c>templates://</c>).</summary>
    public static Template FromText(TemplateStore store, string file, string text)
    {
        var cache = Caches.GetOrCreateValue(store);

        // Runway files vary per application; a long-running host must not keep every version it has seen.
        if (cache.Count > MaxFiles) cache.Clear();
        return cache.GetOrAdd("file:" + file + "\n" + text, _ => Compile(file, text));
    }

    /// <summary>A template of the store (its <c>templates_path</c>, else built-in), for <c>{% include %}</c>.</summary>
    public static Template FromStore(TemplateStore store, string name) =>
        Caches.GetOrCreateValue(store).GetOrAdd("store:" + name, n => Compile(name, store.ReadText(name)));

    private static Template Compile(string file, string text)
    {
        var template = Template.Parse(JinjaTranslator.Translate(file, text), file);

        // The translator emits only constructs Scriban parses; this reports a translator gap with the Jinja line.
        if (template.HasErrors) throw new InvalidOperationException($"{file}: the Scriban translation of this Jinja template does not parse: {string.Join("; ", template.Messages)}");
        return template;
    }
}
