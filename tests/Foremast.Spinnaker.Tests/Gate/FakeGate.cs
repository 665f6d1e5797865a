using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Foremast.Spinnaker.Tests.Gate;

/// <param name="RequiredToken">When set, every request must carry <c>Authorization: Bearer {token}</c> (else 401).</param>
/// <param name="ServerCertificate">When set, the fake listens on HTTPS with this certificate.</param>
/// <param name="RequiredClientCertificate">When set (HTTPS only), the TLS handshake requires exactly this client certificate.</param>
public sealed record FakeGateOptions(string? RequiredToken = null, X509Certificate2? ServerCertificate = null, X509Certificate2? RequiredClientCertificate = null);

/// <summary>
/// A stateful Spinnaker Gate double: real Kestrel on 127.0.0.1 with a free port, the Gate endpoints Foremast uses,
/// every request recorded, and scripted faults. Responses use Gate's shapes (reference aws-and-spinnaker.md §5, §7).
/// </summary>
public sealed class FakeGate : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeGateOptions _options;
    private readonly object _lock = new();
    private readonly List<RecordedRequest> _requests = [];

    private FakeGate(WebApplication app, FakeGateOptions options, Uri baseUrl)
    {
        _app = app;
        _options = options;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public FakeGateState State { get; } = new();

    public FakeGateFaults Faults { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_lock) return _requests.ToList(); }
    }

    public static async Task<FakeGate> StartAsync(FakeGateOptions? options = null)
    {
        options ??= new FakeGateOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (options.ServerCertificate is null) return;
            listen.UseHttps(https =>
            {
                https.ServerCertificate = options.ServerCertificate;
                if (options.RequiredClientCertificate is { } expected)
                {
                    https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;

                    // Trust is pinned to the one test certificate, so no CA is needed on the server side.
                    https.ClientCertificateValidation = (presented, _, _) => presented.Thumbprint == expected.Thumbprint;
                }
            });
        }));

        var app = builder.Build();
        FakeGate? gate = null;
        app.Use(async (context, next) => await gate!.Intercept(context, next));
        MapRoutes(app, () => gate!);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var scheme = options.ServerCertificate is null ? "http" : "https";
        gate = new FakeGate(app, options, new Uri($"{scheme}://127.0.0.1:{port}"));
        return gate;
    }

    public IEnumerable<RecordedRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Records, then checks auth, then applies any scripted fault, then lets the route answer.</summary>
    private async Task Intercept(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        request.EnableBuffering();
        var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        request.Body.Position = 0;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var path = request.Path.Value ?? "/";
        lock (_lock) _requests.Add(new RecordedRequest(request.Method, path, request.QueryString.Value ?? "", headers, body, context.Connection.ClientCertificate?.Thumbprint));

        if (_options.RequiredToken is { } token && request.Headers.Authorization.ToString() != $"Bearer {token}")
        {
            await Error(context, 401, "Full authentication is required to access this resource");
            return;
        }

        if (Faults.Take(request.Method, path) is { } fault)
        {
            if (fault.Delay > TimeSpan.Zero) await Task.Delay(fault.Delay, context.RequestAborted);
            if (fault.AfterHandling)
            {
                // Run the route into a scratch buffer so its effect happens but its answer is thrown away.
                var original = context.Response.Body;
                context.Response.Body = new MemoryStream();
                await next();
                context.Response.Body = original;
                context.Response.Headers.Clear();
                await Error(context, fault.Status, fault.Message ?? "");
                return;
            }

            if (fault.Status != 0)
            {
                await Error(context, fault.Status, fault.Message ?? "");
                return;
            }
        }

        await next();
    }

    private static void MapRoutes(WebApplication app, Func<FakeGate> gate)
    {
        app.MapGet("/version", () => Results.Json(new { version = "fake-1.0" }));

        app.MapGet("/applications/{app}", (string app) => gate().State.Application(app) is { } found
            ? Results.Text(found.ToJsonString(), "application/json")
            : ErrorResult(404, $"Application not found (id: {app})"));

        app.MapGet("/applications/{app}/pipelineConfigs", (string app) => Results.Text(gate().State.PipelineConfigs(app).ToJsonString(), "application/json"));

        app.MapGet("/applications/{app}/pipelineConfigs/{name}", (string app, string name) =>
            gate().State.PipelineConfigs(app).FirstOrDefault(p => p?["name"]?.ToString() == name) is { } found
                ? Results.Text(found.ToJsonString(), "application/json")
                : ErrorResult(404, $"Pipeline not found (application: {app}, name: {name})"));

        app.MapPost("/pipelines", async (HttpRequest request) =>
        {
            var body = await ReadObject(request);
            if (body is null) return ErrorResult(400, "Pipeline body must be a JSON object");
            var error = gate().State.SavePipeline(body, "anonymous");

            // Gate answers a successful save with 200 and an empty body.
            return error is null ? Results.Ok() : ErrorResult(400, error);
        });

        app.MapDelete("/pipelines/{app}/{name}", (string app, string name) =>
        {
            gate().State.DeletePipeline(app, name);
            return Results.Ok();
        });

        app.MapPost("/tasks", async (HttpRequest request) => await SubmitTask(gate(), request, null));
        app.MapPost("/applications/{app}/tasks", async (string app, HttpRequest request) => await SubmitTask(gate(), request, app));

        app.MapGet("/tasks/{id}", (string id) => gate().State.PollTask(id) is { } task
            ? Results.Text(task.ToJsonString(), "application/json")
            : ErrorResult(404, $"Task not found (id: {id})"));
    }

    private static async Task<IResult> SubmitTask(FakeGate gate, HttpRequest request, string? app)
    {
        var body = await ReadObject(request);
        if (body is null || body["job"] is not JsonArray { Count: > 0 }) return ErrorResult(400, "A task requires a non-empty job list");
        if (app is not null) body["application"] = app; // Gate does this for the per-application route
        var id = gate.State.SubmitTask(body);
        return Results.Json(new { @ref = $"/tasks/{id}" });
    }

    private static async Task<JsonObject?> ReadObject(HttpRequest request)
    {
        try
        {
            return JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IResult ErrorResult(int status, string message) =>
        Results.Json(new { status, error = ReasonPhrases.GetReasonPhrase(status), message }, statusCode: status);

    private static Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { status, error = ReasonPhrases.GetReasonPhrase(status), message });
    }
}
