using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Naming;
using Foremast.Core.Templates;
using Foremast.Core.Validation;

namespace Foremast.Core.Config;

/// <summary>Renders Foremast's defaults templates (<c>configs/*.json.sbn</c>) for one app.</summary>
internal static class DefaultsRenderer
{
    private static readonly ConcurrentDictionary<(string Templates, string Template, string App, string Profile), string> Rendered = new();

    public static JsonObject? Render(TemplateStore store, string template, NameGenerator names, List<Diagnostic> diagnostics)
    {
        // The defaults are rendered while loading, before any generator code runs; Jinja overrides of them are not read.
        if (store.Exists(template) && store.LocationOf(template).EndsWith(TemplateStore.JinjaExtension, StringComparison.Ordinal))
        {
            diagnostics.Add(Diagnostic.Error(store.LocationOf(template), "$", $"Jinja overrides of the defaults template {template} are not supported; write it in Scriban as {template} in templates_path"));
            return null;
        }

        try
        {
            var profile = names.Name("iam_profile");

            // Rendering is the costliest step of a load and its result depends only on these four values.
            var key = (store.ExternalDirectory ?? "", template, names.App, profile);
            if (!Rendered.TryGetValue(key, out var text))
            {
                if (Rendered.Count > 1024) Rendered.Clear();
                // The values land inside JSON strings of the template: a quote or backslash in a repo name must not end the string.
                text = store.Render(template, new { app = JsonString(names.App), profile = JsonString(profile) });
                Rendered[key] = text;
            }

            return JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (Exception e) when (e is JsonException or TemplateNotFoundException or InvalidOperationException or Scriban.Syntax.ScriptRuntimeException)
        {
            diagnostics.Add(Diagnostic.Error(store.Exists(template) ? store.LocationOf(template) : template, "$", $"defaults template {template} is unusable: {e.Message}"));
            return null;
        }
    }

    private static string JsonString(string value) => JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
}
