namespace Foremast.Core.Naming;

/// <summary>foremast-utils <c>Generator</c>: every generated resource name for one project/repo.</summary>
public sealed class NameGenerator
{
    private readonly IReadOnlyDictionary<string, string> _formats;
    private readonly Dictionary<string, string> _fields;

    public NameGenerator(string project, string repo, IReadOnlyDictionary<string, string>? overrides = null)
    {
        RawProject = project;
        RawRepo = repo;
        Project = project.ToLowerInvariant();
        Repo = repo.ToLowerInvariant();
        var formats = new Dictionary<string, string>(NameFormats.Defaults, StringComparer.Ordinal);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>()) formats[key] = value;
        _formats = formats;
        // foremast-utils' Parser lower-cases its input, so even the raw_* fields are lower case in practice.
        _fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["project"] = Project,
            ["repo"] = Repo,
            ["raw_project"] = Project,
            ["raw_repo"] = Repo,
            ["domain"] = formats["domain"],
        };
    }

    public string RawProject { get; }

    public string RawRepo { get; }

    public string Project { get; }

    public string Repo { get; }

    public IReadOnlyDictionary<string, string> Formats => _formats;

    public string App => Name("app");

    public string Name(string formatKey, string? env = null, string? region = null)
    {
        if (!_formats.TryGetValue(formatKey, out var format))
        {
            throw new KeyNotFoundException($"no name format named '{formatKey}'");
        }

        var fields = new Dictionary<string, string>(_fields, StringComparer.Ordinal);
        if (env is not null) fields["env"] = env;
        if (region is not null) fields["region"] = region;
        return NameFormats.Apply(format, fields);
    }

    /// <summary>Every format rendered for one env/region, as in foremast-utils' table.</summary>
    public IReadOnlyDictionary<string, string> RenderAll(string env, string region) =>
        _formats.Keys.Order(StringComparer.Ordinal).ToDictionary(k => k, k => Name(k, env, region), StringComparer.Ordinal);
}
