using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Foremast.Spinnaker.Generator;

/// <summary>
/// Functions every pipeline template can call, on top of Scriban's builtins. Templates own the JSON shape;
/// <c>tojson</c> writes any value as JSON (Jinja's <c>tojson</c>), <c>include</c> is Scriban's include whose
/// output is JSON already (see <see cref="JsonTemplateContext"/>).
/// </summary>
internal static class TemplateFunctions
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Read-only and shared by every pooled context.</summary>
    public static ScriptObject Shared { get; } = Create();

    private static ScriptObject Create()
    {
        var functions = new ScriptObject();
        functions.Import("tojson", new Func<object?, RawJson>(ToJson));
        functions.Import("generate_predictable_pipeline_id", new Func<string, string, string>(PipelineIds.Predictable));
        functions["include"] = new RawIncludeFunction(new Scriban.Functions.BuiltinFunctions()["include"] as IScriptCustomFunction ?? throw new InvalidOperationException("Scriban has no include function"));
        functions.IsReadOnly = true;
        return functions;
    }

    public static RawJson ToJson(object? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, value);
        return new RawJson(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Python's <c>str()</c> for the values JSON can hold, as Jinja prints them.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case JsonElement e: e.WriteTo(writer); break;
            case RawJson json: writer.WriteRawValue(json.Text); break;
            case ScriptObject obj:
                writer.WriteStartObject();
                foreach (var (key, item) in obj)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Text(value)); break;
        }
    }
}

/// <summary>Scriban's <c>include</c>, its output marked as JSON so the context does not escape it again.</summary>
internal sealed class RawIncludeFunction(IScriptCustomFunction include) : IScriptCustomFunction
{
    public int RequiredParameterCount => include.RequiredParameterCount;

    public int ParameterCount => include.ParameterCount;

    public ScriptVarParamKind VarParamKind => include.VarParamKind;

    public Type ReturnType => typeof(RawJson);

    public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        include.Invoke(context, callerContext, arguments, blockStatement) is string text ? new RawJson(text) : null;

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        await include.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false) is string text ? new RawJson(text) : null;
}
