using System.Text.Json;
using Foremast.Core.Templates;
using Foremast.Spinnaker.Generator;
using Foremast.Spinnaker.Generator.Jinja;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Tests.Jinja;

/// <summary>Translates a Jinja source and renders it the way manual pipelines do: a pooled JSON context plus the j2_* functions.</summary>
internal static class JinjaRendering
{
    public const string Model = """
        {
          "data": {"app": {"appname": "unicornforrest", "repo_name": "unicorn", "triggerjob": "forrest_unicorn"}, "list": ["a", "b", "c"]},
          "name": "unicorn", "flag": true, "off": false, "ratio": 1.0, "count": 3, "empty_list": [], "nothing": null,
          "quote": "say \"hi\"", "json_text": "{\"k\": 1}", "obj": {"k": 1, "s": "x\"y"},
          "stages": [{"name": "first"}, {"name": "second", "wait": 5}]
        }
        """;

    public static string Render(string jinja, string model = Model, TemplateStore? store = null)
    {
        store ??= TemplateStore.For(null);
        var template = JinjaTemplates.FromText(store, "test.json.j2", jinja);
        var globals = ScriptValues.Copy(ScriptValues.From(JsonDocument.Parse(model).RootElement));
        globals.Import("raise_exception", new Action<string>(message => throw new InvalidOperationException(message)));
        var context = JsonTemplateContext.Rent(store);
        context.PushGlobal(JinjaRuntime.Functions);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        finally
        {
            context.PopGlobal();
            context.PopGlobal();
        }
    }
}
