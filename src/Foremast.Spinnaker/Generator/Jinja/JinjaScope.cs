namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>
/// Jinja's variable scopes, which Scriban lacks: a for body starts each iteration from the enclosing values, and
/// neither its loop variable nor its <c>{% set %}</c>s are visible after the loop (an <c>if</c> makes no scope).
/// Each loop therefore gets its own Scriban variables (<c>j2_v{loop}_{name}</c>), copied from the enclosing scope
/// at the start of every iteration.
/// </summary>
internal sealed class JinjaScope
{
    private readonly Dictionary<string, string> _locals = new(StringComparer.Ordinal);

    private JinjaScope(JinjaScope? parent, string? loopList)
    {
        Parent = parent;
        LoopList = loopList;
    }

    public static JinjaScope Root { get; } = new(null, null);

    public JinjaScope? Parent { get; }

    /// <summary>The Scriban variable holding the list this loop walks (serves <c>loop.length</c>); null at the template's top level.</summary>
    public string? LoopList { get; }

    public IReadOnlyDictionary<string, string> Locals => _locals;

    /// <param name="id">Unique per loop in the process, so an included template's loop variables never meet the includer's.</param>
    public JinjaScope Loop(int id, string loopVariable, IEnumerable<string> assigned)
    {
        var scope = new JinjaScope(this, $"j2_loop{id}");
        foreach (var name in assigned.Prepend(loopVariable)) scope._locals.TryAdd(name, $"j2_v{id}_{name}");
        return scope;
    }

    /// <summary>The Scriban variable a Jinja name means here.</summary>
    public string Resolve(string name) => _locals.TryGetValue(name, out var variable) ? variable : Parent?.Resolve(name) ?? name;

    /// <summary>Every renamed variable visible here, by its Jinja name (an include sees them under those names).</summary>
    public IEnumerable<KeyValuePair<string, string>> Visible()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            foreach (var local in scope._locals)
            {
                if (seen.Add(local.Key)) yield return local;
            }
        }
    }
}
