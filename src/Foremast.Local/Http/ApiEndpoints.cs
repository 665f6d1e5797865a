using Foremast.Hosting.Http;
using Foremast.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Local.Http;

/// <summary>
/// Mounts every route of <see cref="ApiRoutes"/> under <c>/api/</c> and adapts ASP.NET Core's request and response to
/// the shared <see cref="ApiRequest"/>/<see cref="ApiResponse"/>, so the local engine answers exactly like the Functions app.
/// </summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var route in ApiRoutes.All)
        {
            endpoints.MapMethods($"/api/{route.Template}", [route.Method], (HttpContext http) => HandleAsync(route, http)).WithName(route.Name);
        }
    }

    private static async Task HandleAsync(ApiRoute route, HttpContext http)
    {
        // Resolved per request, not at mapping time: the API options take the engine's own URL, known only once Kestrel listens.
        var api = http.RequestServices.GetRequiredService<ForemastApi>();
        var client = http.RequestServices.GetRequiredService<DurableTaskClient>();
        var request = await ApiRequestReader.ReadAsync(http.Request, http.RequestAborted);
        var response = request is null
            ? ApiResponse.Error(StatusCodes.Status413PayloadTooLarge, "request body too large")
            : await api.HandleAsync(route, request, client, http.RequestAborted);

        await WriteAsync(http, response);
    }

    /// <summary>Copies a shared response onto ASP.NET Core's: status, content type, headers, body bytes.</summary>
    public static async Task WriteAsync(HttpContext http, ApiResponse response)
    {
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers) http.Response.Headers[name] = value;
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }
}
