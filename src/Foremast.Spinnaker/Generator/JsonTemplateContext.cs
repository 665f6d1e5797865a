using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Foremast.Core.Templates;
using Scriban;
using Scriban.Parsing;

namespace Foremast.Spinnaker.Generator;

/// <summary>JSON text that a template writes as it is (what <c>tojson</c> and <c>include</c> return).</summary>
public sealed class RawJson(string text)
{
    public string Text { get; } = text;

    public override string ToString() => Text;
}

/// <summary>
/// The context pipeline templates render in. Templates only produce JSON, so every string a template prints
/// with <c>{{ value }}</c> is escaped for a JSON string literal, like Jinja's autoescape but for JSON: a name with
/// a quote cannot break the document, and templates need no escaping filter on every value (a function call
/// per value was the largest cost of a render). <see cref="RawJson"/> (<c>tojson</c>, <c>include</c>) is written as is.
/// </summary>
internal sealed class JsonTemplateContext : TemplateContext
{
    private static readonly ConditionalWeakTable<TemplateStore, ConcurrentBag<JsonTemplateContext>> Pools = new();

    // Each context gets its own builtin function table (Scriban's default): builtins such as date.format hold state
    // a template may set, so they are not shared between pooled contexts.
    private JsonTemplateContext()
    {
    }

    /// <summary>
    /// A pooled context for this store: a context (with its builtins) is costly to build compared with a render, and the generator
    /// returns it with only the function globals pushed, so it is as good as new.
    /// </summary>
    public static JsonTemplateContext Rent(TemplateStore store)
    {
        // Jinja overrides in templates_path (x.json.j2) are read through the store as translated Scriban.
        Jinja.JinjaSupport.EnsureRegistered();
        if (Pools.GetOrCreateValue(store).TryTake(out var context)) return context;
        context = store.Configure(new JsonTemplateContext());
        context.PushGlobal(TemplateFunctions.Shared);

        // Translated Jinja (a user's .j2 override, or what it includes) calls the j2_* functions.
        context.PushGlobal(Jinja.JinjaRuntime.Functions);
        return context;
    }

    /// <summary>Hands back a context whose renders all completed; a context that saw an exception is dropped instead.</summary>
    public static void Return(TemplateStore store, JsonTemplateContext context)
    {
        store.Harvest(context);
        Pools.GetOrCreateValue(store).Add(context);
    }

    /// <summary>Off while rendering a non-JSON template (the user-data shell script).</summary>
    public bool EscapeStrings { get; set; } = true;

    /// <summary>
    /// Python truthiness, as in Foremast's Jinja templates: empty strings, zero and empty lists or objects are false
    /// (Scriban alone treats every non-null value but <c>false</c> as true). So <c>{{ if data.app.approval_timeout }}</c>
    /// skips a 0 timeout, as Foremast did.
    /// </summary>
    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        long l => l != 0,
        double d => d != 0,
        decimal m => m != 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => base.ToBool(span, value),
    };

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (!EscapeStrings) return base.Write(span, textAsObject);
        switch (textAsObject)
        {
            case string text:
                Write(JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());
                return this;
            case RawJson json:
                Write(json.Text);
                return this;
            default:
                return base.Write(span, textAsObject);
        }
    }
}
