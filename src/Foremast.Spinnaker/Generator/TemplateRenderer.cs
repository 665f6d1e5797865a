using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Templates;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Foremast.Spinnaker.Generator;

/// <summary>Renders one template in a shared context (its model pushed for this render only) and parses the JSON it produces.</summary>
internal static class TemplateRenderer
{
    public static string Render(TemplateStore store, TemplateContext context, string name, ScriptObject globals)
    {
        var template = store.Get(name);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e) when (FindNotFound(e) is { } notFound)
        {
            // An include that exists in neither place: surface the store's error, which names both places searched.
            throw new TemplateNotFoundException(notFound.Name, notFound.Searched);
        }
        catch (ScriptRuntimeException e)
        {
            throw new InvalidOperationException($"template \"{name}\" ({store.LocationOf(name)}) failed: {e.Message}", e);
        }
        finally
        {
            context.PopGlobal();
        }
    }

    public static JsonNode RenderJson(TemplateStore store, TemplateContext context, string name, ScriptObject data)
    {
        var text = Render(store, context, name, new ScriptObject { ["data"] = data });
        try
        {
            return JsonNode.Parse(text) ?? throw new JsonException("the template rendered JSON null");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"template \"{name}\" ({store.LocationOf(name)}) did not render valid JSON: {e.Message}", e);
        }
    }

    private static TemplateNotFoundException? FindNotFound(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is TemplateNotFoundException notFound) return notFound;
        }

        return null;
    }
}
