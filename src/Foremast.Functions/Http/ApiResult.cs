using Foremast.Api;
using Microsoft.AspNetCore.Mvc;

namespace Foremast.Functions.Http;

/// <summary>Writes a shared <see cref="ApiResponse"/> as it is: status, content type, headers and body bytes.</summary>
internal sealed class ApiResult(ApiResponse response) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext.Response;
        http.StatusCode = response.Status;
        http.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers) http.Headers[name] = value;
        await http.Body.WriteAsync(response.Body, context.HttpContext.RequestAborted);
    }
}
