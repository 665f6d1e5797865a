using Foremast.Core.Templates;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>
/// <c>{% include "name" %}</c>: the named store template (a user's <c>.j2</c> translated from Jinja, else the built-in
/// template of that name), rendered in the current context so it sees the same variables, its output written as is.
/// The optional second argument holds the includer's loop variables under their Jinja names; the include's own
/// <c>{% set %}</c>s land in a global pushed for this include only, so they do not leak out (as in Jinja).
/// </summary>
internal sealed class JinjaIncludeFunction : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 2;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(RawJson);

    public ScriptParameterInfo GetParameterInfo(int index) => index == 0 ? new(typeof(string), "name") : new(typeof(ScriptObject), "locals", null);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var store = context.TemplateLoader as TemplateStore ?? throw new InvalidOperationException("{% include %} needs a context configured by a TemplateStore");
        var name = arguments[0]?.ToString() ?? "";

        // A .j2 or .sbn name is the store's template (a user's Jinja file translated, else the built-in Scriban one);
        // any other included file is Jinja, as Foremast's includes were.
        var location = store.LocationOf(name);
        var template = location == TemplateStore.BuiltInLocation || location.EndsWith(".sbn", StringComparison.Ordinal) || location.EndsWith(TemplateStore.JinjaExtension, StringComparison.Ordinal)
            ? store.Get(name)
            : JinjaTemplates.FromStore(store, name);
        var scope = new ScriptObject();
        if (arguments.Count > 1 && arguments[1] is ScriptObject locals)
        {
            foreach (var (key, value) in locals) scope[key] = value;
        }

        context.PushGlobal(scope);
        context.PushOutput();
        try
        {
            context.EnterRecursive(callerContext);
            var text = template.Render(context);
            context.ExitRecursive(callerContext);
            return new RawJson(text);
        }
        finally
        {
            context.PopOutput();
            context.PopGlobal();
        }
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
