using Foremast.Api;

namespace Foremast.Workflows.Tests.Http;

/// <summary>A request as the docs write it: method and path below <c>/api/</c>, placeholders (<c>{{runId}}</c>, <c>$TOKEN</c>) left in.</summary>
public sealed record DocumentedRequest(string Method, string Path, string Where)
{
    /// <summary>Every route either host answers: <see cref="ApiRoutes.All"/> and the health route that stands beside them.</summary>
    public static readonly ApiRoute[] Documented = [.. ApiRoutes.All, ApiRoutes.Health];

    /// <summary>The route this request reaches: a template's <c>{name}</c> takes any one segment, other segments must be equal.</summary>
    public ApiRoute? Route() => Documented.SingleOrDefault(route => route.Method == Method && Matches(route.Template));

    public override string ToString() => $"{Method} /api/{Path} ({Where})";

    private bool Matches(string template)
    {
        var expected = template.Split('/');
        var actual = Path.Split('/');
        return expected.Length == actual.Length && expected.Zip(actual).All(p => p.First.StartsWith('{') ? p.Second.Length > 0 : p.First == p.Second);
    }
}
