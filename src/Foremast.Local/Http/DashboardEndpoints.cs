using Foremast.Api;
using Foremast.Hosting.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Foremast.Local.Http;

/// <summary>
/// The dashboard at <c>/</c> and its two files under <c>/dashboard/</c>. Anonymous like the rest of the local engine's
/// API, which it only reads; checkpoints are still decided on the signed approval pages.
/// </summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext http) => WriteAsync(http, DashboardAssets.Response("")));
        endpoints.MapGet("/" + DashboardAssets.AssetPrefix + "{file}", (HttpContext http, string file) =>
            WriteAsync(http, DashboardAssets.Response(DashboardAssets.AssetPrefix + file)));
    }

    private static async Task WriteAsync(HttpContext http, ApiResponse response)
    {
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers) http.Response.Headers[name] = value;
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }
}
