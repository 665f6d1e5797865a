using System.Collections.Frozen;
using Foremast.Api;

namespace Foremast.Hosting.Dashboard;

/// <summary>
/// The dashboard's static files (HTML, CSS, JavaScript), embedded in this assembly so both hosts serve the same bytes
/// with no file system, CDN or build step. The page reads the JSON API from the browser; it holds no data itself and
/// has no decision path of its own: checkpoints are decided through the signed approval page.
/// </summary>
public static class DashboardAssets
{
    /// <summary>Where the page's own files live below the site root (the page itself is <c>/</c>).</summary>
    public const string AssetPrefix = "dashboard/";

    private const string ResourcePrefix = "Foremast.Hosting.Dashboard.";

    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Files = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        [""] = ("index.html", ApiResponse.HtmlType),
        ["index.html"] = ("index.html", ApiResponse.HtmlType),
        [AssetPrefix + "app.js"] = ("app.js", "text/javascript; charset=utf-8"),
        [AssetPrefix + "app.css"] = ("app.css", "text/css; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, byte[]> Bodies = Files.Values
        .Select(f => f.Resource).Distinct()
        .ToFrozenDictionary(name => name, Load, StringComparer.Ordinal);

    /// <summary>
    /// Nothing outside this origin: no inline script, no third-party host, no framing (the page links to approval
    /// pages, which refuse framing themselves), and no referrer, so a function key in the address never leaks.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The file at <paramref name="path"/> (relative to the site root, without a leading slash), or 404.</summary>
    public static ApiResponse Response(string? path)
    {
        var key = (path ?? "").TrimStart('/');
        if (!Files.TryGetValue(key, out var file)) return ApiResponse.Error(404, $"no page /{key}");
        return new ApiResponse(200, file.ContentType, Bodies[file.Resource], new Dictionary<string, string>
        {
            // Revalidate every time: a new engine version must not run against an old cached script.
            ["Cache-Control"] = "no-cache",
            ["X-Content-Type-Options"] = "nosniff",
            ["X-Frame-Options"] = "DENY",
            ["Referrer-Policy"] = "no-referrer",
            ["Content-Security-Policy"] = ContentSecurityPolicy,
        });
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"dashboard asset {name} is not embedded in {typeof(DashboardAssets).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
