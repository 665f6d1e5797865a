using Foremast.Api;
using Microsoft.AspNetCore.Http;

namespace Foremast.Hosting.Http;

/// <summary>
/// Turns an ASP.NET Core request into the shared <see cref="ApiRequest"/>. Both hosts (the Functions app and the local
/// engine) compile this one file, so a request is read the same way in both; Foremast.Workflows stays free of ASP.NET.
/// </summary>
public static class ApiRequestReader
{
    /// <summary>Larger than any push payload we act on; GitHub caps deliveries at 25 MB, but those are not pushes we deploy.</summary>
    public const long MaxBodyBytes = 5 * 1024 * 1024;

    /// <summary>IPv4 peers on a dual-stack socket arrive as <c>::ffff:a.b.c.d</c>; the record shows the address people know.</summary>
    private static string? RemoteAddress(System.Net.IPAddress? address) =>
        address is null ? null : address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();

    /// <returns>Null when the body is too large to read.</returns>
    public static async Task<ApiRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
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
            request.ContentType,
            RemoteAddress(request.HttpContext.Connection.RemoteIpAddress));
    }
}
