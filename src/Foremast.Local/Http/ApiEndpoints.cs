using Foremast.Workflows.Http;
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
    /// <summary>The Functions app's limit, so a payload accepted by one host is accepted by the other.</summary>
    private const long MaxBodyBytes = 5 * 1024 * 1024;

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
        var request = await ReadAsync(http.Request, http.RequestAborted);
        var response = request is null
            ? ApiResponse.Error(StatusCodes.Status413PayloadTooLarge, "request body too large")
            : await api.HandleAsync(route, request, client, http.RequestAborted);

        http.Response.StatusCode = response.Status;
        http.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers) http.Response.Headers[name] = value;
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }

    /// <returns>Null when the body is larger than <see cref="MaxBodyBytes"/>.</returns>
    private static async Task<ApiRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return ApiRequest.Create(
            request.Method,
            request.RouteValues.Where(v => v.Value is not null).Select(v => KeyValuePair.Create(v.Key, v.Value!.ToString() ?? "")),
            request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())),
            request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())),
            buffer.ToArray(),
            request.ContentType);
    }
}
