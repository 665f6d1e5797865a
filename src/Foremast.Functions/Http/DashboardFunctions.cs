using Foremast.Hosting.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Foremast.Functions.Http;

/// <summary>
/// The dashboard at <c>/</c> (host.json's route prefix is empty for it; the API functions keep <c>/api/…</c>). A
/// catch-all route, so it answers only GET and serves only its own embedded files, 404 for anything else; literal API
/// routes win over it. Anonymous: the page holds no data, and the run API it reads still asks for a function key
/// (open the page once as <c>/?code=KEY</c>; the script sends the key as <c>x-functions-key</c>).
/// </summary>
public sealed class DashboardFunctions
{
    public const string Name = "Dashboard";

    public const string Route = "{*path}";

    [Function(Name)]
    public IActionResult Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request) =>
        new ApiResult(DashboardAssets.Response(request.RouteValues.TryGetValue("path", out var path) ? path?.ToString() : null));
}
