using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Foremast.Workflows.Tests.Support;

/// <summary>One request as the receiver saw it.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) that records every request and answers with the next
/// scripted status (200 once the script is used up). A gzip body (<c>Content-Encoding: gzip</c>, as Azure Monitor's
/// exporter sends) is recorded decompressed.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();

    private LoopbackReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static Task<LoopbackReceiver> StartAsync(params int[] statuses) => StartAsync(null, statuses);

    /// <param name="respond">Answers by method and path (status, JSON body); scripted statuses, when given, come first.</param>
    public static async Task<LoopbackReceiver> StartAsync(Func<string, string, (int Status, string? Json)>? respond, params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        foreach (var status in statuses) receiver._statuses.Enqueue(status);
        app.Run(async context =>
        {
            var gzip = string.Equals(context.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase);
            using var reader = new StreamReader(gzip ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver.Requests.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body));
            if (receiver._statuses.TryDequeue(out var status))
            {
                context.Response.StatusCode = status;
                return;
            }

            var (code, json) = respond?.Invoke(context.Request.Method, context.Request.Path) ?? (StatusCodes.Status200OK, null);
            context.Response.StatusCode = code;
            if (json is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(json);
            }
        });
        await app.StartAsync();
        receiver.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
