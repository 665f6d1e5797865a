using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Infrastructure;

/// <summary>The one text form of a resource change, shared by the run status and <c>foremast infra</c>.</summary>
public static class ResourceChangeLines
{
    /// <returns><c>&lt;verb&gt; &lt;kind&gt; &lt;name&gt;[: detail]</c></returns>
    public static string Format(ResourceChange change) =>
        $"{change.Verb} {change.Kind} {change.Name}" + (change.Detail is { Length: > 0 } detail ? $": {detail}" : "");
}
