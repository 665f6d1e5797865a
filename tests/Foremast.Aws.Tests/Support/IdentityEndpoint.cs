using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Foremast.Aws.Tests.Support;

/// <summary>What the identity endpoint was asked: the query (resource, client_id, api-version) and the X-IDENTITY-HEADER.</summary>
public sealed record TokenRequest(string? Resource, string? ClientId, string? ApiVersion, string? Header);

/// <summary>
/// A real HTTP listener on loopback speaking the App Service managed identity protocol (IDENTITY_ENDPOINT / IDENTITY_HEADER):
/// it checks the header secret and hands out a new numbered token per request.
/// </summary>
public sealed class IdentityEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private int _issued;

    private IdentityEndpoint(WebApplication app, string header)
    {
        _app = app;
        Header = header;
    }

    public string Header { get; }

    public string Url { get; private set; } = "";

    public IReadOnlyList<TokenRequest> Requests => _requests.ToList();

    public static string TokenNumber(int n) => $"eyJ0eXAiOiJKV1QifQ.managed-identity-token-{n}.sig";

    public static async Task<IdentityEndpoint> StartAsync(string header = "identity-header-secret")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var endpoint = new IdentityEndpoint(app, header);
        app.MapGet("/msi/token", endpoint.Answer);
        await app.StartAsync();
        endpoint.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/msi/token";
        return endpoint;
    }

    private IResult Answer(HttpContext context)
    {
        var q = context.Request.Query;
        var sent = context.Request.Headers["X-IDENTITY-HEADER"].ToString();
        _requests.Enqueue(new TokenRequest(q["resource"], q["client_id"], q["api-version"], sent));
        if (sent != Header) return Results.Json(new { statusCode = 400, message = "Unable to authenticate the request: header mismatch" }, statusCode: 400);

        var n = Interlocked.Increment(ref _issued);
        var expires = DateTimeOffset.UtcNow.AddHours(24).ToUnixTimeSeconds();
        return Results.Json(new
        {
            access_token = TokenNumber(n),
            expires_on = expires.ToString(System.Globalization.CultureInfo.InvariantCulture),
            resource = q["resource"].ToString(),
            token_type = "Bearer",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
