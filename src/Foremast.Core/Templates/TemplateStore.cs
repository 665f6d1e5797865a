using System.Collections.Concurrent;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Foremast.Core.Templates;

/// <summary>
/// Finds and compiles templates: a file in the external <c>templates_path</c> wins, every other file falls back
/// to the built-in templates embedded in this assembly. The lookup is per file, includes too. Each template is
/// compiled once per store.
/// </summary>
public sealed class TemplateStore : ITemplateLoader
{
    public const string BuiltInLocation = "built-in templates";

    private static readonly Assembly ResourceAssembly = typeof(TemplateStore).Assembly;
    private static readonly HashSet<string> BuiltInNames = ResourceAssembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("templates/", StringComparison.Ordinal))
        .Select(n => n["templates/".Length..])
        .ToHashSet(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, TemplateStore> Shared = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Template> _compiled = new(StringComparer.Ordinal);

    public TemplateStore(string? externalDirectory = null)
    {
        ExternalDirectory = externalDirectory is null ? null : Path.GetFullPath(externalDirectory);
    }

    public string? ExternalDirectory { get; }

    /// <summary>One store per external directory, so templates are compiled once per process.</summary>
    public static TemplateStore For(string? externalDirectory) =>
        Shared.GetOrAdd(externalDirectory is null ? "" : Path.GetFullPath(externalDirectory), d => new TemplateStore(d.Length == 0 ? null : d));

    public static IReadOnlyCollection<string> BuiltInTemplateNames => BuiltInNames;

    /// <summary>Foremast's Jinja file extension: <c>x.json.j2</c> in templates_path stands for the built-in <c>x.json.sbn</c>.</summary>
    public const string JinjaExtension = ".j2";

    private const string ScribanExtension = ".sbn";

    /// <summary>
    /// Turns a Jinja template (file name, text) into Scriban text. The translator lives with the generator; until it
    /// registers, <c>.j2</c> overrides are found (so validation sees them) but cannot be read.
    /// </summary>
    public static Func<string, string, string>? JinjaTranslator { get; set; }

    /// <summary>The functions translated Jinja calls, pushed into every context this store creates.</summary>
    public static ScriptObject? JinjaFunctions { get; set; }

    public bool Exists(string name) => ExternalFile(name) is not null || BuiltInNames.Contains(BuiltInName(name));

    /// <summary>Where a template comes from: the external file path, or <see cref="BuiltInLocation"/>.</summary>
    public string LocationOf(string name)
    {
        if (ExternalFile(name) is { } external) return external;
        if (BuiltInNames.Contains(BuiltInName(name))) return BuiltInLocation;
        throw NotFound(name);
    }

    /// <summary>
    /// A template's Scriban text. Per file, as Foremast's Jinja loader: the external <c>name</c> wins, then the external
    /// Jinja <c>.j2</c> of the same name (translated), then the built-in template. A Jinja include of
    /// <c>x.json.j2</c> that the user does not override is the built-in <c>x.json.sbn</c>.
    /// </summary>
    public string ReadText(string name)
    {
        if (ExternalFile(name) is { } external)
        {
            var text = File.ReadAllText(external);
            if (!external.EndsWith(JinjaExtension, StringComparison.Ordinal)) return text;
            var translate = JinjaTranslator ?? throw new InvalidOperationException($"{external}: Jinja templates can only be rendered by the pipeline generator");
            return translate(Path.GetRelativePath(ExternalDirectory!, external), text);
        }

        if (!BuiltInNames.Contains(BuiltInName(name))) throw NotFound(name);
        return BuiltInText(name);
    }

    /// <summary>The built-in template a name stands for, whatever templates_path holds.</summary>
    public static string BuiltInText(string name)
    {
        using var stream = ResourceAssembly.GetManifestResourceStream("templates/" + BuiltInName(name)) ?? throw new TemplateNotFoundException(name, [BuiltInLocation]);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The built-in name a template name stands for: <c>x.json.j2</c> → <c>x.json.sbn</c>.</summary>
    public static string BuiltInName(string name) =>
        name.EndsWith(JinjaExtension, StringComparison.Ordinal) ? name[..^JinjaExtension.Length] + ScribanExtension : name;

    /// <summary>The external file for a name: itself, or its Jinja twin (<c>x.json.sbn</c> ↔ <c>x.json.j2</c>).</summary>
    private string? ExternalFile(string name)
    {
        if (ExternalPath(name) is not { } path) return null;
        if (File.Exists(path)) return path;
        string? twin = null;
        if (name.EndsWith(ScribanExtension, StringComparison.Ordinal)) twin = ExternalPath(name[..^ScribanExtension.Length] + JinjaExtension);
        else if (name.EndsWith(JinjaExtension, StringComparison.Ordinal)) twin = ExternalPath(BuiltInName(name));
        return twin is not null && File.Exists(twin) ? twin : null;
    }

    public Template Get(string name) => _compiled.GetOrAdd(name, n =>
    {
        var template = Template.Parse(ReadText(n), n);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"template \"{n}\" ({LocationOf(n)}) has errors: {string.Join("; ", template.Messages)}");
        }

        return template;
    });

    /// <summary>Renders a template with the given model; includes resolve through this store.</summary>
    public string Render(string name, object model)
    {
        var context = CreateContext(model);
        var text = Get(name).Render(context);
        Harvest(context);
        return text;
    }

    public TemplateContext CreateContext(object model)
    {
        var globals = model as ScriptObject ?? BuildGlobals(model);
        var context = CreateContext();
        if (JinjaFunctions is { } jinja) context.PushGlobal(jinja);
        context.PushGlobal(globals);
        return context;
    }

    /// <summary>A context without model globals (push them per render).</summary>
    public TemplateContext CreateContext() => Configure(new TemplateContext());

    /// <summary>
    /// Wires a context (possibly a subclass) to this store: includes resolve here, and every template this store
    /// has compiled, includes too, is handed to the context so an include is parsed once per store, not per render.
    /// </summary>
    public T Configure<T>(T context)
        where T : TemplateContext
    {
        context.TemplateLoader = this;
        context.MemberRenamer = member => member.Name;
        context.StrictVariables = false;
        context.EnableRelaxedMemberAccess = true;
        context.LoopLimit = 100_000;
        foreach (var (name, template) in _compiled) context.CachedTemplates[name] = template;
        return context;
    }

    /// <summary>Keeps the includes a context parsed, so later contexts reuse them.</summary>
    public void Harvest(TemplateContext context)
    {
        foreach (var (name, template) in context.CachedTemplates) _compiled.TryAdd(name, template);
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => ReadText(templatePath);

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(ReadText(templatePath));

    private static ScriptObject BuildGlobals(object model)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: member => member.Name);
        return globals;
    }

    private string? ExternalPath(string name) => ExternalDirectory is null ? null : Path.Combine(ExternalDirectory, name);

    private TemplateNotFoundException NotFound(string name) =>
        new(name, ExternalDirectory is null ? [BuiltInLocation] : [Path.Combine(ExternalDirectory, name), BuiltInLocation]);
}
