using Foremast.Hosting.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Foremast.Functions.Http;

/// <summary>
/// The dashboard at <c>/</c> and its files under <c>/dashboard/</c> (host.json's route prefix is empty for it; the API
/// functions keep <c>/api/…</c>). The Functions host tries function routes in registration order, not by precedence,
/// so this route cannot be a bare catch-all: its first segment is either absent or <c>dashboard</c>, and it never
/// matches an <c>api/…</c> address. Anonymous: the page holds no data, and the run API it reads still asks for a
/// function key (open the page once as <c>/?code=KEY</c>; the script sends the key as <c>x-functions-key</c>).
/// </summary>
public sealed class DashboardFunctions
{
    public const string Name = "Dashboard";

    public const string Route = "{folder:regex(^dashboard$)?}/{file?}";

    [Function(Name)]
    public IActionResult Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request)
    {
        var folder = request.RouteValues.TryGetValue("folder", out var f) ? f?.ToString() : null;
        var file = request.RouteValues.TryGetValue("file", out var n) ? n?.ToString() : null;
        var path = folder is { Length: > 0 } ? $"{folder}/{file}" : file;
        return new ApiResult(DashboardAssets.Response(path));
    }
}
