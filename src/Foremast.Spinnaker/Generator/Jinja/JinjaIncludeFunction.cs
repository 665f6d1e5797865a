using Foremast.Core.Templates;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>
/// <c>{% include "name" %}</c>: the named store template, translated from Jinja whatever its extension (Jinja
/// includes are Jinja), rendered in the current context so it sees the same variables, its output written as is.
/// </summary>
internal sealed class JinjaIncludeFunction : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(RawJson);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(string), "name");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var store = context.TemplateLoader as TemplateStore ?? throw new InvalidOperationException("{% include %} needs a context configured by a TemplateStore");
        var name = arguments[0]?.ToString() ?? "";
        var template = JinjaTemplates.FromStore(store, name);
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
        }
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
